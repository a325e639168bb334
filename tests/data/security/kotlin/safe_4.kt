fun cipher() = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding")
