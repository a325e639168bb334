const path = require('path');

function download(req, res) {
  const target = path.join(__dirname, 'files', req.params.file);
  res.sendFile(target);
}
module.exports = download;
