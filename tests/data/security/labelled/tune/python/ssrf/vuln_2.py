import urllib.request
from flask import request


def proxy():
    target = request.form["target"]
    return urllib.request.urlopen("http://" + target).read()
