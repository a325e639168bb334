import subprocess
from flask import request


def archive():
    folder = request.json["folder"]
    cmd = "tar czf /tmp/out.tgz {}".format(folder)
    subprocess.run(cmd, shell=True, check=True)
