import os

import jwt
from flask import request


def current_user():
    token = request.headers["Authorization"].split()[1]
    claims = jwt.decode(token, os.environ["JWT_KEY"], algorithms=["HS256"])
    return claims["sub"]
