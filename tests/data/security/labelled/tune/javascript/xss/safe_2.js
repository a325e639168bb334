function render(req, res) {
  const msg = req.body.message;
  res.json({ message: msg });
}
module.exports = render;
