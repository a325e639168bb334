import json
from flask import request


def load_profile():
    data = request.get_data()
    return json.loads(data)
