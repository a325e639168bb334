object A {
  def parse(s: String) = s.split(",").map(_.trim).toList
}
