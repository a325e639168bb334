const { spawnSync } = require("child_process");

module.exports = function (app) {
  app.post("/thumb", (req, res) => {
    const { file } = req.body;
    const out = spawnSync("identify", [file]).stdout.toString();
    res.json({ out });
  });
};
