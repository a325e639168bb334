from flask import Flask, Response, request
from werkzeug.datastructures import Headers

app = Flask(__name__)


@app.route("/type")
def typed():
    kind = request.args["kind"]
    h = Headers()
    h.set("Content-Type", kind)
    return Response("x", headers=h)
