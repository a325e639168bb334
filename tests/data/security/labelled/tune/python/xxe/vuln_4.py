from lxml import etree


def read_manifest(blob):
    parser = etree.XMLParser()
    return etree.fromstring(blob, parser=parser)
