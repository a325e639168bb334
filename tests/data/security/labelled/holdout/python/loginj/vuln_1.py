import logging

from flask import request

log = logging.getLogger(__name__)


def login():
    """Log the login attempt."""
    user = request.args.get("user")
    log.info("login attempt for " + user)
    return "ok"
