from flask import Flask, Response, request

app = Flask(__name__)
PAGES = {"home": "/", "help": "/help"}


@app.get("/go")
def go():
    key = request.args["to"]
    resp = Response(status=302)
    resp.headers["Location"] = PAGES.get(key, "/")
    return resp
