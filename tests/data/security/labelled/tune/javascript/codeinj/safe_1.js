function calc(req, res) {
  const expr = req.query.expr;
  res.send(String(Number.parseInt(expr, 10) * 2));
}
module.exports = calc;
