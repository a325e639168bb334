import os
from flask import Flask, request

app = Flask(__name__)


@app.route("/ping")
def ping():
    """Ping the host the user asked for and say whether it is up."""
    host = request.args.get("host")
    status = os.popen("ping -c 1 " + host).read()
    return status
