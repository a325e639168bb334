import ldap
import ldap.filter
from flask import request


def find_user():
    uid = ldap.filter.escape_filter_chars(request.args.get("uid", ""))
    conn = ldap.initialize("ldap://directory.internal")
    flt = "(&(objectClass=person)(uid=" + uid + "))"
    return conn.search_s("dc=corp,dc=com", ldap.SCOPE_SUBTREE, flt)
