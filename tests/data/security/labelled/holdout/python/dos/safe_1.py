import re

from flask import request


def search():
    pattern = re.escape(request.args.get("pattern", ""))
    text = open("doc.txt").read()
    return str(re.search(pattern, text) is not None)
