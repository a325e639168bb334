class A {
  void Run(string dir) {
    var psi = new ProcessStartInfo("ls");
    psi.ArgumentList.Add(dir);
    Process.Start(psi);
  }
}
