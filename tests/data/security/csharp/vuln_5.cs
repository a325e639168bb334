class A {
  void Tls() {
    ServicePointManager.ServerCertificateValidationCallback = (a, b, c, d) => true;
  }
}
