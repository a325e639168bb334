class A {
  Cipher c() throws Exception {
    return Cipher.getInstance("DES/ECB/PKCS5Padding");
  }
}
