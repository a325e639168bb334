import hashlib


def remember(store, login, page):
    h = hashlib.sha1()
    h.update(page.encode())
    store[login] = h.hexdigest()
