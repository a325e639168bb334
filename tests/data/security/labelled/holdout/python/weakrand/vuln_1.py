import random
import string


def session_id():
    """Make a session identifier."""
    return "".join(random.choice(string.ascii_letters) for _ in range(32))
