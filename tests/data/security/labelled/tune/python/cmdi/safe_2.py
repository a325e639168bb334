import shlex
import subprocess
from flask import request


def archive():
    folder = request.json["folder"]
    cmd = "tar czf /tmp/out.tgz {}".format(shlex.quote(folder))
    subprocess.run(cmd, shell=True, check=True)
