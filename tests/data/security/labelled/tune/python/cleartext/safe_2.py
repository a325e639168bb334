import smtplib
import ssl


def notify(user, password, to, body):
    server = smtplib.SMTP("mail.example.com", 587)
    server.starttls(context=ssl.create_default_context())
    server.login(user, password)
    server.sendmail(user, [to], body)
    server.quit()
