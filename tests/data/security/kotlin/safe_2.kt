fun find(c: java.sql.Connection, id: String): java.sql.ResultSet {
    val ps = c.prepareStatement("SELECT * FROM users WHERE id = ?")
    ps.setString(1, id)
    return ps.executeQuery()
}
