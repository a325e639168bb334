const express = require("express");
const fs = require("fs");
const path = require("path");
const app = express();

app.get("/doc", (req, res) => {
  const p = path.join(__dirname, "docs", req.params.name);
  res.send(fs.readFileSync(p));
});
