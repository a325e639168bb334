import ssl
import urllib.request


def get(url):
    ctx = ssl.create_default_context()
    return urllib.request.urlopen(url, context=ctx).read()
