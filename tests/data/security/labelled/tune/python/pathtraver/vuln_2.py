import os
from flask import request


def read_note():
    note = request.args["note"]
    path = os.path.join("/srv/notes", note)
    with open(path) as handle:
        return handle.read()
