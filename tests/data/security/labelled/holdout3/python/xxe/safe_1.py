import lxml.etree
from flask import Flask, request

app = Flask(__name__)


@app.post("/import")
def import_feed():
    payload = request.get_data()
    hardened = lxml.etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    feed = lxml.etree.fromstring(payload, hardened)
    return {"items": len(feed.findall("item"))}
