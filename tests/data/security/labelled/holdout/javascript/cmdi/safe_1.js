const express = require("express");
const { execFile } = require("child_process");
const app = express();

app.get("/convert", (req, res) => {
  const file = req.query.file;
  execFile("convert", [file, "out.png"], (err, stdout) => res.send(stdout));
});
