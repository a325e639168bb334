import ldap3
from flask import request


def lookup():
    name = request.form["name"]
    server = ldap3.Server("ldap://directory.internal")
    conn = ldap3.Connection(server, auto_bind=True)
    conn.search("dc=corp,dc=com", f"(cn={name})")
    return str(conn.entries)
