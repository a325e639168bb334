object A {
  def find(c: java.sql.Connection, id: String) = {
    val ps = c.prepareStatement("SELECT * FROM users WHERE id = ?")
    ps.setString(1, id)
    ps.executeQuery()
  }
}
