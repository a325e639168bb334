from lxml import etree
from flask import request


def price():
    item = request.args["item"]
    tree = etree.parse("catalog.xml")
    return str(tree.xpath("/catalog/item[@name=$name]/price/text()", name=item))
