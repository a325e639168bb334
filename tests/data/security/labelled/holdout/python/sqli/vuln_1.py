import sqlite3
from flask import request


def get_user():
    """Return the row of the user named in the query string."""
    username = request.args["username"]
    conn = sqlite3.connect("users.db")
    cur = conn.cursor()
    query = "SELECT * FROM users WHERE username = '%s'" % username
    cur.execute(query)
    return cur.fetchone()
