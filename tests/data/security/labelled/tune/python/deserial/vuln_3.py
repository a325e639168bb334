import _pickle
import sys


def restore(path):
    with open(path, "rb") as fh:
        return _pickle.load(fh)


if __name__ == "__main__":
    print(restore(sys.argv[1]))
