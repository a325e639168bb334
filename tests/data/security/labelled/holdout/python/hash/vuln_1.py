import hashlib


def store_password(password):
    """Hash a password for storage."""
    return hashlib.sha1(password.encode()).hexdigest()
