function build(req, res) {
  const body = req.body.code;
  const fn = new Function('x', body);
  res.send(String(fn(1)));
}
module.exports = build;
