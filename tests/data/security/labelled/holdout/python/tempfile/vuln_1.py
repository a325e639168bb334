import tempfile


def scratch(data):
    """Write data to a temporary file and return its name."""
    name = tempfile.mktemp()
    with open(name, "w") as fh:
        fh.write(data)
    return name
