from flask import redirect, request, url_for


def after_login():
    nxt = request.args.get("next")
    return redirect(url_for("home"))
