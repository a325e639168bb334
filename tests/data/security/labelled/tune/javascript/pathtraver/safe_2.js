function download(req, res) {
  res.sendFile('report.pdf', { root: '/srv/files' });
}
module.exports = download;
