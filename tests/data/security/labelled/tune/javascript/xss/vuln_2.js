function render(req, res) {
  const msg = req.body.message;
  res.write(`<div class="msg">${msg}</div>`);
  res.end();
}
module.exports = render;
