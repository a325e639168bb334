from flask import redirect, request


def after_login():
    nxt = request.args.get("next")
    return redirect(nxt)
