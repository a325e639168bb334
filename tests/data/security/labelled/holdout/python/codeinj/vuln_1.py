from flask import request


def calc():
    """Evaluate the arithmetic expression from the form."""
    expr = request.form["expr"]
    return str(eval(expr))
