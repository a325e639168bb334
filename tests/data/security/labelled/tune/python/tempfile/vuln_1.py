import os
import tempfile


def spool(data):
    path = tempfile.mktemp(suffix=".csv")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT)
    os.write(fd, data)
    return path
