const escapeHtml = require('escape-html');

function hello(req, res) {
  const name = req.query.name;
  res.send('<h1>Hello ' + escapeHtml(name) + '</h1>');
}
module.exports = hello;
