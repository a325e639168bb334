"""Code prompts for the model tests and the speed benchmark: real-looking files, cut mid-way."""

PYTHON = '''import json
from dataclasses import dataclass


@dataclass
class Point:
    x: float
    y: float

    def to_dict(self) -> dict:
        return {"x": self.x, "y": self.y}

    @classmethod
    def from_dict(cls, data: dict) -> "Point":
        return cls(x=data["x"], y=data["y"])


@dataclass
class Size:
    width: float
    height: float

    def to_dict(self) -> dict:
'''

JAVASCRIPT = '''const express = require("express");
const app = express();

app.get("/users", async (req, res) => {
  const users = await db.query("SELECT * FROM users");
  res.json(users);
});

app.get("/orders", async (req, res) => {
'''

GO = '''package shapes

import "math"

type Circle struct {
	Radius float64
}

func (c Circle) Area() float64 {
	return math.Pi * c.Radius * c.Radius
}

func (c Circle) Perimeter() float64 {
	return 2 * math.Pi * c.Radius
}

type Square struct {
	Side float64
}

func (s Square) Area() float64 {
'''

SQL_LIKE_PY = '''def fib(n):
    """Return the n-th Fibonacci number."""
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fact(n):
    """Return n factorial."""
'''

SAMPLES = {"py": PYTHON, "js": JAVASCRIPT, "go": GO, "fib.py": SQL_LIKE_PY}
