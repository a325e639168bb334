object A {
  val dice = scala.util.Random.nextInt(6) + 1
}
