from lxml import etree
from flask import request


def upload_catalog():
    doc = etree.parse(request.files["catalog"])
    return str(len(doc.getroot()))
