import _pickle as cPickle
from flask import Flask, request

app = Flask(__name__)


@app.post("/session")
def restore():
    state = cPickle.loads(request.get_data())
    return {"keys": sorted(state)}
