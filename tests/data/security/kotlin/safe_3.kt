fun h(d: ByteArray): ByteArray = java.security.MessageDigest.getInstance("SHA-256").digest(d)
