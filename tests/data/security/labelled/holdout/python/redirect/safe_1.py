from urllib.parse import urlparse

from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/go")
def go():
    target = request.args.get("next", "/")
    if urlparse(target).netloc:
        target = "/"
    return redirect("/")
