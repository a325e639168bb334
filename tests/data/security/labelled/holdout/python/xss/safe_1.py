from html import escape

from flask import Flask, request, make_response

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = escape(request.args.get("name", ""))
    return make_response("<h1>Hello " + name + "</h1>")
