from flask import Flask, Response, request
from werkzeug.datastructures import Headers

app = Flask(__name__)
KINDS = {"json": "application/json", "text": "text/plain"}


@app.route("/type")
def typed():
    kind = request.args["kind"]
    h = Headers()
    h.set("Content-Type", KINDS.get(kind, "text/plain"))
    return Response("x", headers=h)
