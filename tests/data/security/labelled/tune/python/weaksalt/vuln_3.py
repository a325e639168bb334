import hashlib


def remember(store, login, pwd):
    h = hashlib.sha1()
    h.update(pwd.encode())
    store[login] = h.hexdigest()
