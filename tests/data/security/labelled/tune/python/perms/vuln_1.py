import os


def make_dir(path):
    os.makedirs(path, exist_ok=True)
    os.chmod(path, 0o666)
