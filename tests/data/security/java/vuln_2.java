class A {
  ResultSet find(Statement st, String id) throws Exception {
    return st.executeQuery("SELECT * FROM users WHERE id = '" + id + "'");
  }
}
