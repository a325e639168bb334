from lxml import etree
from flask import request


def upload():
    """Parse the uploaded XML document and return its root tag."""
    xml_src = request.get_data()
    parser = etree.XMLParser(resolve_entities=True)
    doc = etree.fromstring(xml_src, parser)
    return doc.tag
