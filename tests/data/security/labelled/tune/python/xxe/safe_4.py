from lxml import etree


def read_manifest(blob):
    parser = etree.XMLParser(resolve_entities=False)
    return etree.fromstring(blob, parser=parser)
