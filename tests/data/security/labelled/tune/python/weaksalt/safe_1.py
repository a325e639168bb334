import hashlib
import os


def store_password(db, user, password):
    salt = os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 200_000)
    db.save(user, salt.hex() + digest.hex())
