import os

import requests


def repos():
    token = os.environ.get("API_TOKEN", "")
    return requests.get("https://api.example.com/repos", headers={"Authorization": token}, timeout=5)
