const fs = require("fs");
const path = require("path");

module.exports = (req, res) => {
  fs.statSync(path.resolve(__dirname, "public", path.basename(req.params.file)));
  res.end();
};
