import hashlib


def store_password(db, user, password):
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), b"app-salt", 200_000)
    db.save(user, digest.hex())
