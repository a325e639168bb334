const fs = require("fs");
const path = require("path");

exports.handler = (req, res) => {
  const file = path.join("/srv/uploads", path.basename(req.query.name));
  fs.readFile(file, (err, data) => res.end(data));
};
