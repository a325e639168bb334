class A {
  void run(String dir) throws Exception {
    new ProcessBuilder("ls", dir).start();
  }
}
