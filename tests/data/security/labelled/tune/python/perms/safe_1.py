import os


def make_dir(path):
    os.makedirs(path, mode=0o700, exist_ok=True)
