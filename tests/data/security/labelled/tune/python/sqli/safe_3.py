import sys
import psycopg2


def main():
    order = int(sys.argv[1])
    conn = psycopg2.connect("dbname=shop")
    cur = conn.cursor()
    cur.execute("DELETE FROM orders WHERE id = %s", (order,))
