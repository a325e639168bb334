import sys


def main():
    value = int(sys.argv[1])
    print(value * 2)
