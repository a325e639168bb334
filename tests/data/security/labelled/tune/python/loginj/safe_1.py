import logging

from flask import request

logger = logging.getLogger("app")


def order():
    item = request.form.get("item", "")
    logger.warning("bad order: %s", item.replace("\r", "").replace("\n", ""))
    return "no"
