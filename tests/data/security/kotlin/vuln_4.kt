fun read(input: java.io.InputStream): Any = java.io.ObjectInputStream(input).readObject()
