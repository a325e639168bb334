class A {
  void run(String dir) throws Exception {
    Runtime.getRuntime().exec("ls " + dir);
  }
}
