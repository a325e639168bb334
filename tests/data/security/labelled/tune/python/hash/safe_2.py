import hashlib


def fingerprint(password):
    algorithm = "sha512"
    return hashlib.new(algorithm, password.encode()).hexdigest()
