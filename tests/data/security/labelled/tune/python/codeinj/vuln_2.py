import sys


def main():
    code = sys.argv[1]
    exec("result = " + code)
