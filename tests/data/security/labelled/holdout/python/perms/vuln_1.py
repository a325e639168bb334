import os


def write_secret(path, data):
    """Write a secret file."""
    with open(path, "w") as fh:
        fh.write(data)
    os.chmod(path, 0o777)
