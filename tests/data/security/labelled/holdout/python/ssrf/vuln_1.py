import requests
from flask import request


def avatar():
    """Download the avatar from the URL the user gave."""
    url = request.args.get("url")
    return requests.get(url, timeout=5).content
