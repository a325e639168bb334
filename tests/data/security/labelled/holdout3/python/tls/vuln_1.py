import socket
import ssl


def open_channel(host):
    context = ssl.create_default_context()
    context.check_hostname = False
    raw = socket.create_connection((host, 443))
    return context.wrap_socket(raw, server_hostname=host)
