import subprocess

def run(user):
    subprocess.call("ls " + user, shell=True)
