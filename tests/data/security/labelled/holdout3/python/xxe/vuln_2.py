from lxml import etree


def load_settings(path):
    parser = etree.XMLParser(remove_blank_text=True)
    tree = etree.parse(path, parser)
    return {node.tag: node.text for node in tree.getroot()}
