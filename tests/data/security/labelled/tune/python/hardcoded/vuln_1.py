import requests

API_TOKEN = "ghp_8f2Kq9LmZx7Rt4Vb1Nc6Yd3We5Ua0Sh2Jk"


def repos():
    return requests.get("https://api.example.com/repos", headers={"Authorization": API_TOKEN}, timeout=5)
