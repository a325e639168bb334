import os
import tempfile


def spool(data):
    fd, path = tempfile.mkstemp(suffix=".csv")
    os.write(fd, data)
    os.close(fd)
    return path
