import lxml.etree
from flask import Flask, request

app = Flask(__name__)


@app.post("/import")
def import_feed():
    payload = request.get_data()
    feed = lxml.etree.fromstring(payload)
    return {"items": len(feed.findall("item"))}
