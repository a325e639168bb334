class A {
  Object read(InputStream in) throws Exception {
    return new ObjectInputStream(in).readObject();
  }
}
