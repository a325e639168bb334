import defusedxml.ElementTree as ET
from flask import request


def upload():
    xml_src = request.get_data()
    doc = ET.fromstring(xml_src)
    return doc.tag
