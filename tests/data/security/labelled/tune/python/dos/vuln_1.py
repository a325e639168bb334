import re

from flask import request


def match():
    rx = re.compile(request.args["rx"])
    return str(bool(rx.match("aaaa")))
