from Crypto.Cipher import ChaCha20_Poly1305


def enc(key, data):
    c = ChaCha20_Poly1305.new(key=key)
    ct, tag = c.encrypt_and_digest(data)
    return c.nonce, ct, tag
