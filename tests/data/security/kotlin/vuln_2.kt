fun find(st: java.sql.Statement, id: String) =
    st.executeQuery("SELECT * FROM users WHERE id = $id")
