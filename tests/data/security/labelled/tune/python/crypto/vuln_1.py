from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def enc(key, data):
    c = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    return c.update(data) + c.finalize()
