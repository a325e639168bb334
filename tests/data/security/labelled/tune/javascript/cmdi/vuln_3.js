const { execSync } = require("child_process");

module.exports = function (app) {
  app.post("/thumb", (req, res) => {
    const { file } = req.body;
    const out = execSync("identify " + file).toString();
    res.json({ out });
  });
};
