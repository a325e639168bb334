import ssl
import urllib.request


def fetch(url):
    ctx = ssl.create_default_context()
    return urllib.request.urlopen(url, context=ctx).read()
