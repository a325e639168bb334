import ftplib


def upload(path, user, password):
    ftp = ftplib.FTP_TLS("files.example.com")
    ftp.login(user, password)
    ftp.prot_p()
    with open(path, "rb") as fh:
        ftp.storbinary("STOR report.csv", fh)
