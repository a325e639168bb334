import smtplib


def notify(user, password, to, body):
    server = smtplib.SMTP("mail.example.com", 587)
    server.login(user, password)
    server.sendmail(user, [to], body)
    server.quit()
