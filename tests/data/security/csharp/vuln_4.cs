class A {
  object Read(Stream s) {
    return new BinaryFormatter().Deserialize(s);
  }
}
