from flask import request


def search(cursor):
    term = request.form["term"]
    sql = f"SELECT id FROM posts WHERE title LIKE '%{term}%'"
    cursor.execute(sql)
    return cursor.fetchall()
