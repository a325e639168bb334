from xml.dom import minidom
from flask import request


def parse():
    doc = minidom.parseString(request.data)
    return doc.documentElement.tagName
