import getpass

import mysql.connector


def db():
    return mysql.connector.connect(user="root", password=getpass.getpass(), host="127.0.0.1")
