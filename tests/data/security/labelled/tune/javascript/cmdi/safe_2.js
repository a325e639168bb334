const cp = require('child_process');

function convert(req, res) {
  const file = req.params.file;
  const out = cp.execSync('convert input.jpg out.png');
  res.send(out + file.length);
}
module.exports = convert;
