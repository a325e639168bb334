import json
import sys


def restore(path):
    with open(path, "rb") as fh:
        return json.load(fh)


if __name__ == "__main__":
    print(restore(sys.argv[1]))
