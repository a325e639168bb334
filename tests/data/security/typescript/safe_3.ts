export async function find(db: any, id: string) {
  return db.query('SELECT * FROM users WHERE id = $1', [id]);
}
