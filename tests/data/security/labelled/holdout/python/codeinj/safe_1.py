import ast

from flask import request


def calc():
    expr = request.form["expr"]
    return str(ast.literal_eval(expr))
