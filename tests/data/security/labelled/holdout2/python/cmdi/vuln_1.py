import subprocess
import sys


def main():
    target = sys.argv[1]
    subprocess.run(f"du -sh {target}", shell=True, check=False)
