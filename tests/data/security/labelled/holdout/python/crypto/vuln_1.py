from Crypto.Cipher import DES


def encrypt(key, data):
    """Encrypt data with the given key."""
    cipher = DES.new(key, DES.MODE_ECB)
    return cipher.encrypt(data)
