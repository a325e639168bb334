class A {
  SqlCommand Find(SqlConnection c, string id) {
    return new SqlCommand("SELECT * FROM Users WHERE Id = " + id, c);
  }
}
