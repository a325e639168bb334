class A {
  String token() {
    long token = new Random().nextLong();
    return Long.toString(token);
  }
}
