import jwt
from flask import request


def current_user():
    token = request.headers["Authorization"].split()[1]
    claims = jwt.decode(token, options={"verify_signature": False})
    return claims["sub"]
