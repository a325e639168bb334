class A {
  Cipher c() throws Exception {
    // Cipher.getInstance("DES") was replaced
    return Cipher.getInstance("AES/GCM/NoPadding");
  }
}
