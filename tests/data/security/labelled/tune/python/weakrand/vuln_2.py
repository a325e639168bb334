import random


def otp():
    return random.randint(100000, 999999)
