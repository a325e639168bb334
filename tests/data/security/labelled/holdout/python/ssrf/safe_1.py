import requests
from flask import request

HOSTS = {"gravatar": "https://www.gravatar.com/avatar/"}


def avatar():
    user = request.args.get("user", "")
    return requests.get(HOSTS["gravatar"], params={"u": user}, timeout=5).content
