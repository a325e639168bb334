import tempfile


def scratch(data):
    with tempfile.NamedTemporaryFile("w", delete=False) as fh:
        fh.write(data)
        return fh.name
