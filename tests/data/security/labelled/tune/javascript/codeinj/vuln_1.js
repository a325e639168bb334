function calc(req, res) {
  const expr = req.query.expr;
  res.send(String(eval(expr)));
}
module.exports = calc;
