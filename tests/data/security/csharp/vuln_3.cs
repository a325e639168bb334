class A {
  byte[] H(byte[] d) {
    return MD5.Create().ComputeHash(d);
  }
}
