const express = require("express");
const { exec } = require("child_process");
const app = express();

app.get("/convert", (req, res) => {
  const file = req.query.file;
  const cmd = `convert ${file} out.png`;
  exec(cmd, (err, stdout) => res.send(stdout));
});
