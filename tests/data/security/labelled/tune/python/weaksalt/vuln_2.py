import hashlib


def store_password(db, user, password):
    digest = hashlib.sha256(password.encode("utf-8")).hexdigest()
    db.save(user, digest)
