import random


def new_session_id():
    return "".join(random.choice("abcdef0123456789") for _ in range(32))
