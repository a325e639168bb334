const fs = require('fs');
const path = require('path');

function show(req, res) {
  const name = path.basename(req.query.name);
  res.send(fs.readFileSync('/srv/docs/' + name, 'utf8'));
}
module.exports = show;
