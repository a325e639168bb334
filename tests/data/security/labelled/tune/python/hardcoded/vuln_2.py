import mysql.connector


def db():
    return mysql.connector.connect(user="root", password="hunter2hunter2", host="127.0.0.1")
