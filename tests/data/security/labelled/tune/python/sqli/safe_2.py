from flask import request


def search(cursor):
    term = request.form["term"]
    cursor.execute("SELECT id FROM posts WHERE title LIKE %s", ("%" + term + "%",))
    return cursor.fetchall()
