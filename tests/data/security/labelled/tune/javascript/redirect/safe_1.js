function after(req, res) {
  const next = req.query.next;
  res.redirect(next === 'settings' ? '/settings' : '/home');
}
module.exports = after;
