import subprocess

def run(user):
    subprocess.run(["ls", user], check=True)
