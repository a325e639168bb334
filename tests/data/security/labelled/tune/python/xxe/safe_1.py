import defusedxml.minidom
from flask import request


def parse():
    doc = defusedxml.minidom.parseString(request.data)
    return doc.documentElement.tagName
