from html import escape
from flask import Flask, request, make_response

app = Flask(__name__)


@app.route("/hello")
def hello():
    who = request.args.get("who", "")
    return make_response("<h1>Hello " + escape(who) + "</h1>")
