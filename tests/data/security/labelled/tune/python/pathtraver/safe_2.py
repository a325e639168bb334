from flask import request
from werkzeug.utils import secure_filename


def read_note():
    note = secure_filename(request.args["note"])
    with open("/srv/notes/" + note) as handle:
        return handle.read()
