const cp = require('child_process');

function convert(req, res) {
  const file = req.params.file;
  const out = cp.execSync(`convert ${file} out.png`);
  res.send(out);
}
module.exports = convert;
