const express = require("express");
const escapeHtml = require("escape-html");
const app = express();

app.get("/hi", function (req, res) {
  const name = escapeHtml(req.query.name);
  res.send("<p>Hi " + name + "</p>");
});
