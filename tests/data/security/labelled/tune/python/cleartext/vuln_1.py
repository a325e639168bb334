import ftplib


def upload(path, user, password):
    ftp = ftplib.FTP("files.example.com")
    ftp.login(user, password)
    with open(path, "rb") as fh:
        ftp.storbinary("STOR report.csv", fh)
