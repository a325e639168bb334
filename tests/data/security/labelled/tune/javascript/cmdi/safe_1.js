const { execFile } = require('child_process');

function ping(req, res) {
  const host = req.query.host;
  execFile('ping', ['-c', '1', host], (err, out) => res.send(out));
}
module.exports = ping;
