import yaml
from flask import request


def config():
    return yaml.safe_load(request.data)
