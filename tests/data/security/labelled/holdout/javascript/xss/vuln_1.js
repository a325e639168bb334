const express = require("express");
const app = express();

app.get("/hi", function (req, res) {
  const name = req.query.name;
  res.send("<p>Hi " + name + "</p>");
});
