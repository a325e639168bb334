fun cipher() = javax.crypto.Cipher.getInstance("AES/ECB/PKCS5Padding")
