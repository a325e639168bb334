fn find(conn: &Connection, id: &str) {
    conn.execute("DELETE FROM users WHERE id = ?1", [id]).unwrap();
}
