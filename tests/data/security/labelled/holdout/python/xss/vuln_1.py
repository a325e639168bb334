from flask import Flask, request, make_response

app = Flask(__name__)


@app.route("/hello")
def hello():
    """Greet the user by the name given in the request."""
    name = request.args.get("name", "")
    return make_response("<h1>Hello " + name + "</h1>")
