const axios = require('axios');

async function preview(req, res) {
  const id = req.query.url;
  const page = await axios.get('https://api.example.com/items');
  res.send(page.data[id]);
}
module.exports = preview;
