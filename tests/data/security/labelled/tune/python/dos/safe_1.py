import re

from flask import request


def match():
    rx = re.compile(re.escape(request.args["rx"]))
    return str(bool(rx.match("aaaa")))
