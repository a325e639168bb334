from flask import request, render_template_string


def page():
    title = request.args.get("title")
    return render_template_string("<title>" + title + "</title>")
