import json
from flask import request


def restore():
    blob = request.get_data()
    return json.loads(blob)
