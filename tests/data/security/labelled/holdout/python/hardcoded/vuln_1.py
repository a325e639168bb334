import psycopg2


def connect():
    """Connect to the accounts database."""
    return psycopg2.connect(host="db.internal", user="admin", password="Sup3rS3cret!2024")
