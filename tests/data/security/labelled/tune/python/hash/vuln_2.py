import hashlib


def fingerprint(password):
    algorithm = "sha1"
    return hashlib.new(algorithm, password.encode()).hexdigest()
