class A {
  byte[] Token() {
    return RandomNumberGenerator.GetBytes(32);
  }
}
