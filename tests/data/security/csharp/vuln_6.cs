class A {
  int Token() {
    var token = new Random().Next();
    return token;
  }
}
