import os
from flask import Flask, request, send_file

app = Flask(__name__)


@app.route("/img")
def img():
    """Return the image file named by the request."""
    name = request.args.get("file")
    path = os.path.join("/srv/images", name)
    return open(path, "rb").read()
