fn find(conn: &Connection, id: &str) {
    conn.execute(&format!("DELETE FROM users WHERE id = {}", id), []).unwrap();
}
