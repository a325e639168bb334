class A {
  SqlCommand Find(SqlConnection c, string id) {
    var cmd = new SqlCommand("SELECT * FROM Users WHERE Id = @id", c);
    cmd.Parameters.AddWithValue("@id", id);
    return cmd;
  }
}
