import secrets


def otp():
    return secrets.randbelow(900000) + 100000
