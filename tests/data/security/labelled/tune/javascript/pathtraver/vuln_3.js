const fs = require("fs");
const path = require("path");

module.exports = (req, res) => {
  res.sendFile(path.resolve(__dirname, "public", req.params.file));
  fs.statSync(path.resolve(__dirname, "public", req.params.file));
};
