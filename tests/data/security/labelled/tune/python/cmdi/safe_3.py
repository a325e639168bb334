import os
import sys


def main():
    target = sys.argv[1]
    stream = os.popen("du -sh /var/log")
    print(stream.read(), target)
