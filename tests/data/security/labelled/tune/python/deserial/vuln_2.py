import yaml
from flask import request


def config():
    return yaml.load(request.data, Loader=yaml.Loader)
