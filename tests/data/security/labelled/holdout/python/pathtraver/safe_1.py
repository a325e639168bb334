import os
from flask import Flask, request, abort

app = Flask(__name__)
BASE = "/srv/images"


@app.route("/img")
def img():
    name = os.path.basename(request.args.get("file", ""))
    path = os.path.join(BASE, name)
    with open(path, "rb") as fh:
        return fh.read()
