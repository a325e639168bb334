import requests


def fetch(url):
    """Fetch the page at url."""
    return requests.get(url, verify=False, timeout=10).text
