class A {
  byte[] H(byte[] d) {
    return SHA256.Create().ComputeHash(d);
  }
}
