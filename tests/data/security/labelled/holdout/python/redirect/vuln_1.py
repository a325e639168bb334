from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/go")
def go():
    """Send the user on to the page given in next."""
    target = request.args.get("next")
    return redirect(target)
