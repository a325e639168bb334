class A {
  void Run(string dir) {
    Process.Start("cmd.exe", "/c dir " + dir);
  }
}
