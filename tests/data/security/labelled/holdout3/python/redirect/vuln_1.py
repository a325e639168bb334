from flask import Flask, Response, request

app = Flask(__name__)


@app.get("/go")
def go():
    target = request.args["to"]
    resp = Response(status=302)
    resp.headers["Location"] = target
    return resp
