function after(req, res) {
  const next = req.query.next;
  res.redirect(next);
}
module.exports = after;
