import sys.process._
object A {
  def list(dir: String): String = Seq("ls", dir).!!
}
