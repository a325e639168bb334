import requests
from flask import request

ALLOWED = {"status": "https://status.example.com/api"}


def fetch():
    key = request.args.get("url")
    url = ALLOWED.get(key, "https://status.example.com/api")
    return requests.get("https://status.example.com/api", timeout=5).text
