from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/track")
def track():
    ref = request.args.get("ref")
    resp = make_response("tracked")
    resp.headers.add("X-Ref", str(int(ref)))
    return resp
