const express = require("express");
const app = express();

app.get("/out", (req, res) => {
  const url = req.query.url;
  res.redirect(url);
});
