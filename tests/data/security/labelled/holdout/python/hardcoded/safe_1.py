import os

import psycopg2


def connect():
    return psycopg2.connect(host="db.internal", user="admin", password=os.environ["DB_PASSWORD"])
