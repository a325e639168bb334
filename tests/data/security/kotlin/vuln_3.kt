fun h(d: ByteArray): ByteArray = java.security.MessageDigest.getInstance("SHA-1").digest(d)
