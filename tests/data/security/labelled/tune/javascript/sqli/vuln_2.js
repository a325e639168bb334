async function remove(req, res, pool) {
  const { name } = req.body;
  await pool.query(`DELETE FROM tags WHERE name = '${name}'`);
  res.sendStatus(204);
}
module.exports = remove;
