import subprocess
import sys


def main():
    target = sys.argv[1]
    subprocess.run(["du", "-sh", "--", target], check=False)
