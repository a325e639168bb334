import os
import sys


def main():
    target = sys.argv[1]
    stream = os.popen("du -sh " + target)
    print(stream.read())
