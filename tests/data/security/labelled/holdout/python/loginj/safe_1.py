import logging

from flask import request

log = logging.getLogger(__name__)


def login():
    user = request.args.get("user", "")
    log.info("login attempt for %r", user.replace("\n", "").replace("\r", ""))
    return "ok"
