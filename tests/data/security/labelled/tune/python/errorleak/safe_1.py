import logging
import traceback

from flask import Flask

app = Flask(__name__)
log = logging.getLogger(__name__)


@app.route("/report")
def report():
    try:
        return build_report()
    except Exception:
        log.error("report failed: %s", traceback.format_exc())
        return "report failed", 500
