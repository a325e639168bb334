object A {
  val token = scala.util.Random.alphanumeric.take(16).mkString
}
