from Crypto.Cipher import AES


def seal(key, data):
    nonce = b"\x01" * 12
    cipher = AES.new(key, AES.MODE_GCM, nonce=nonce)
    return cipher.encrypt_and_digest(data)
