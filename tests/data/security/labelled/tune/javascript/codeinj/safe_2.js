function build(req, res) {
  const fn = new Function('x', 'return x + 1');
  res.send(String(fn(Number(req.body.code))));
}
module.exports = build;
