import re

from flask import request


def search():
    """Search the document for the pattern given by the user."""
    pattern = request.args.get("pattern")
    text = open("doc.txt").read()
    return str(re.search(pattern, text) is not None)
