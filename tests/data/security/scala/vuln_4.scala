object A {
  def read(in: java.io.InputStream) = new java.io.ObjectInputStream(in).readObject()
}
