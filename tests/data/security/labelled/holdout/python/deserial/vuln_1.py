import pickle
from flask import request


def load_profile():
    """Restore the profile object the client sent."""
    data = request.get_data()
    return pickle.loads(data)
