import pickle
from flask import request


def restore():
    blob = request.get_data()
    return pickle.loads(blob)
