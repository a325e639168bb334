const express = require("express");
const db = require("./db");
const router = express.Router();

router.get("/orders", async (req, res) => {
  const sort = req.query.sort;
  const rows = await db.query(`SELECT * FROM orders ORDER BY ${sort}`);
  res.json(rows);
});
