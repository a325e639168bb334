const axios = require('axios');

async function preview(req, res) {
  const url = req.query.url;
  const page = await axios.get(url);
  res.send(page.data);
}
module.exports = preview;
