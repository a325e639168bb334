import secrets


def session_id():
    return secrets.token_urlsafe(32)
