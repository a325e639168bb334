import json


def parse(data):
    return json.loads(data)
