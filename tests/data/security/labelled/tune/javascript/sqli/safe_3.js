const express = require("express");
const db = require("./db");
const router = express.Router();
const COLUMNS = new Set(["id", "date"]);

router.get("/orders", async (req, res) => {
  const sort = COLUMNS.has(req.query.sort) ? "date" : "id";
  const rows = await db.query(`SELECT * FROM orders ORDER BY ${sort}`);
  res.json(rows);
});
