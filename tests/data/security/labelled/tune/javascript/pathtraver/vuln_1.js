const fs = require('fs');

function show(req, res) {
  const name = req.query.name;
  res.send(fs.readFileSync('/srv/docs/' + name, 'utf8'));
}
module.exports = show;
