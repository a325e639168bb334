import defusedxml.ElementTree as SafeET


def load_settings(path):
    tree = SafeET.parse(path)
    return {node.tag: node.text for node in tree.getroot()}
