object A {
  def find(st: java.sql.Statement, id: String) = st.executeQuery(s"SELECT * FROM users WHERE id = $id")
}
