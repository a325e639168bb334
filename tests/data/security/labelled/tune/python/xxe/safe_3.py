from lxml import etree
from flask import request


def upload_catalog():
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    doc = etree.parse(request.files["catalog"], parser)
    return str(len(doc.getroot()))
