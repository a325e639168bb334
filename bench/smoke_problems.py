"""Smoke prompts for bench/humaneval_bench.py: small realistic files in the 15 languages.

Each case is (language id, file extension, source) with `<|>` where the user asks for a suggestion:
after a block header, after a signature, after a doc comment, after a comment, in the middle of a
line, on a new line in a body. The brackets an editor closes by itself are closed.
"""

from __future__ import annotations

CURSOR = "<|>"

_PYTHON = [
    '''import json


def load_config(path):
    """Read a JSON config file and return it as a dict."""
    <|>
''',
    '''def count_words(text):
    counts = {}
    for word in text.split():
        <|>
    return counts
''',
    '''# return the n-th Fibonacci number, iteratively
<|>
''',
    '''class Stack:
    def __init__(self):
        self.items = []

    def push(self, item):
        self.items.append(item)

    def pop(self):
        <|>
''',
    '''def average(values):
    if not values:
        return 0.0
    return sum(values) / <|>
''',
    '''import os


def list_python_files(folder):
    result = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".py"):
            <|>
    return result
''',
    '''from dataclasses import dataclass


@dataclass
class Point:
    x: float
    y: float

    def distance_to(self, other: "Point") -> float:
        <|>
''',
    '''def is_palindrome(text: str) -> bool:
    cleaned = [c.lower() for c in text if c.isalnum()]
    <|>
''',
    '''def parse_pairs(line):
    pairs = {}
    for item in line.split(","):
        key, value = item.split(<|>)
        pairs[key.strip()] = value.strip()
    return pairs
''',
    '''import logging

log = logging.getLogger(__name__)


def retry(func, attempts=3):
    for attempt in range(attempts):
        try:
            return func()
        except Exception as exc:
            <|>
    raise RuntimeError("all attempts failed")
''',
]

_JAVA = [
    '''import java.util.List;

public class Stats {
    public static double average(List<Integer> values) {
        <|>
    }
}
''',
    '''public class Strings {
    /**
     * Returns the string reversed.
     */
    public static String reverse(String s) {
        <|>
    }
}
''',
    '''import java.util.ArrayList;
import java.util.List;

public class Filter {
    public static List<Integer> evens(List<Integer> numbers) {
        List<Integer> result = new ArrayList<>();
        for (int n : numbers) {
            <|>
        }
        return result;
    }
}
''',
    '''public class Counter {
    private int count;

    // increments the counter and returns the new value
    <|>
}
''',
    '''public class MathUtil {
    public static int max(int a, int b) {
        return a > b ? <|>;
    }
}
''',
    '''import java.util.HashMap;
import java.util.Map;

public class WordCount {
    public static Map<String, Integer> count(String text) {
        Map<String, Integer> counts = new HashMap<>();
        for (String word : text.split("\\\\s+")) {
            <|>
        }
        return counts;
    }
}
''',
    '''public class Temperature {
    public static double toFahrenheit(double celsius) {
        <|>
    }
}
''',
    '''public class Validator {
    public static boolean isValidEmail(String email) {
        if (email == null) {
            <|>
        }
        return email.contains("@");
    }
}
''',
    '''import java.util.List;

public class Names {
    public static String join(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            <|>
        }
        return sb.toString();
    }
}
''',
    '''public class Point {
    private final double x;
    private final double y;

    public Point(double x, double y) {
        this.x = x;
        this.y = y;
    }

    public double distance(Point other) {
        double dx = x - other.x;
        <|>
    }
}
''',
]

_JAVASCRIPT = [
    '''function sum(numbers) {
  <|>
}
''',
    '''// returns true if the string is a palindrome
<|>
''',
    '''const fs = require("fs");

function readLines(path) {
  const text = fs.readFileSync(path, "utf8");
  return text.split(<|>);
}
''',
    '''/**
 * Capitalizes the first letter of a string.
 * @param {string} s
 * @returns {string}
 */
function capitalize(s) {
  <|>
}
''',
    '''function countBy(items, key) {
  const counts = {};
  for (const item of items) {
    <|>
  }
  return counts;
}
''',
    '''class Queue {
  constructor() {
    this.items = [];
  }

  enqueue(item) {
    this.items.push(item);
  }

  dequeue() {
    <|>
  }
}
''',
    '''async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) {
    <|>
  }
  return response.json();
}
''',
    '''const users = [{ name: "ada", age: 36 }, { name: "alan", age: 41 }];
const names = users.map(<|>);
console.log(names);
''',
    '''function debounce(fn, wait) {
  let timer = null;
  return function (...args) {
    <|>
  };
}
''',
    '''function clamp(value, min, max) {
  if (value < min) {
    return min;
  }
  <|>
}
''',
]

_TYPESCRIPT = [
    '''interface User {
  id: number;
  name: string;
}

function findUser(users: User[], id: number): User | undefined {
  <|>
}
''',
    '''// returns the largest number in the array
<|>
''',
    '''export function sum(values: number[]): number {
  let total = 0;
  for (const v of values) {
    <|>
  }
  return total;
}
''',
    '''class Counter {
  private count = 0;

  increment(): number {
    <|>
  }
}
''',
    '''type Shape = { kind: "circle"; radius: number } | { kind: "square"; side: number };

function area(shape: Shape): number {
  switch (shape.kind) {
    case "circle":
      <|>
    case "square":
      return shape.side * shape.side;
  }
}
''',
    '''/**
 * Splits an array into chunks of the given size.
 */
function chunk<T>(items: T[], size: number): T[][] {
  <|>
}
''',
    '''const scores: Record<string, number> = { ada: 3, alan: 5 };
const best = Object.entries(scores).sort((a, b) => <|>)[0];
console.log(best);
''',
    '''async function loadJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  <|>
}
''',
    '''function isEmail(value: string): boolean {
  const pattern = /^[^@\\s]+@[^@\\s]+$/;
  <|>
}
''',
    '''export class Stack<T> {
  private items: T[] = [];

  push(item: T): void {
    this.items.push(item);
  }

  peek(): T | undefined {
    <|>
  }
}
''',
]

_CSHARP = [
    '''using System;
using System.Collections.Generic;

public static class MathUtil
{
    public static int Sum(List<int> values)
    {
        <|>
    }
}
''',
    '''public class Account
{
    public decimal Balance { get; private set; }

    /// <summary>Adds the amount to the balance.</summary>
    public void Deposit(decimal amount)
    {
        <|>
    }
}
''',
    '''using System.Collections.Generic;

public static class Filters
{
    public static List<string> NonEmpty(IEnumerable<string> items)
    {
        var result = new List<string>();
        foreach (var item in items)
        {
            <|>
        }
        return result;
    }
}
''',
    '''public static class Strings
{
    // returns the string reversed
    <|>
}
''',
    '''public static class Compare
{
    public static int Max(int a, int b)
    {
        return a > b ? <|>;
    }
}
''',
    '''using System;

public class Temperature
{
    public static double ToCelsius(double fahrenheit)
    {
        <|>
    }
}
''',
    '''using System.Linq;
using System.Collections.Generic;

public static class Query
{
    public static IEnumerable<int> Evens(IEnumerable<int> numbers)
    {
        return numbers.Where(<|>);
    }
}
''',
    '''public class Guard
{
    public static void NotNull(object value, string name)
    {
        if (value == null)
        {
            <|>
        }
    }
}
''',
    '''using System.Text;

public static class Joiner
{
    public static string Join(string[] parts)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < parts.Length; i++)
        {
            <|>
        }
        return sb.ToString();
    }
}
''',
    '''public class Rectangle
{
    public double Width { get; }
    public double Height { get; }

    public Rectangle(double width, double height)
    {
        Width = width;
        Height = height;
    }

    public double Area()
    {
        <|>
    }
}
''',
]

_RUBY = [
    '''def average(values)
  <|>
end
''',
    '''# returns the words of a sentence in reverse order
<|>
''',
    '''class Stack
  def initialize
    @items = []
  end

  def push(item)
    @items.push(item)
  end

  def pop
    <|>
  end
end
''',
    '''def count_words(text)
  counts = Hash.new(0)
  text.split.each do |word|
    <|>
  end
  counts
end
''',
    '''names = ["ada", "grace", "alan"]
upper = names.map { |n| <|> }
puts upper
''',
    '''require "json"

def load_config(path)
  <|>
end
''',
    '''def fizzbuzz(n)
  (1..n).map do |i|
    if i % 15 == 0
      <|>
    elsif i % 3 == 0
      "Fizz"
    else
      i.to_s
    end
  end
end
''',
    '''class Point
  attr_reader :x, :y

  def initialize(x, y)
    @x = x
    @y = y
  end

  # distance to another point
  def distance(other)
    <|>
  end
end
''',
    '''def palindrome?(text)
  cleaned = text.downcase.gsub(/[^a-z0-9]/, "")
  <|>
end
''',
    '''def safe_divide(a, b)
  return nil if b.zero?
  <|>
end
''',
]

_GO = [
    '''package main

func Sum(values []int) int {
	<|>
}
''',
    '''package main

import "strings"

// Reverse returns the words of s in reverse order.
func Reverse(s string) string {
	<|>
}
''',
    '''package main

// Max returns the larger of a and b.
<|>
''',
    '''package main

import "fmt"

func main() {
	for i := 0; i < 10; i++ {
		<|>
	}
	fmt.Println("done")
}
''',
    '''package main

import (
	"errors"
	"os"
)

func ReadFile(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		<|>
	}
	return data, nil
}
''',
    '''package main

type Stack struct {
	items []int
}

func (s *Stack) Push(v int) {
	<|>
}
''',
    '''package main

func Contains(items []string, target string) bool {
	for _, item := range items {
		if item == <|> {
			return true
		}
	}
	return false
}
''',
    '''package main

import "strings"

func CountWords(text string) map[string]int {
	counts := make(map[string]int)
	for _, word := range strings.Fields(text) {
		<|>
	}
	return counts
}
''',
    '''package main

type Point struct {
	X, Y float64
}

func (p Point) Add(q Point) Point {
	<|>
}
''',
    '''package main

import "net/http"

func healthHandler(w http.ResponseWriter, r *http.Request) {
	<|>
}
''',
]

_PHP = [
    '''<?php

function average(array $values): float
{
    <|>
}
''',
    '''<?php

// returns true when the string is a palindrome
<|>
''',
    '''<?php

class Stack
{
    private array $items = [];

    public function push($item): void
    {
        $this->items[] = $item;
    }

    public function pop()
    {
        <|>
    }
}
''',
    '''<?php

function countWords(string $text): array
{
    $counts = [];
    foreach (explode(" ", $text) as $word) {
        <|>
    }
    return $counts;
}
''',
    '''<?php

$names = ["ada", "grace"];
$upper = array_map(<|>, $names);
print_r($upper);
''',
    '''<?php

/**
 * Converts Celsius to Fahrenheit.
 */
function toFahrenheit(float $celsius): float
{
    <|>
}
''',
    '''<?php

function safeDivide(float $a, float $b): ?float
{
    if ($b == 0) {
        <|>
    }
    return $a / $b;
}
''',
    '''<?php

class User
{
    public function __construct(private string $name, private string $email)
    {
    }

    public function getName(): string
    {
        <|>
    }
}
''',
    '''<?php

function loadJson(string $path): array
{
    $text = file_get_contents($path);
    <|>
}
''',
    '''<?php

function fizzbuzz(int $n): array
{
    $out = [];
    for ($i = 1; $i <= $n; $i++) {
        <|>
    }
    return $out;
}
''',
]

_CPP = [
    '''#include <vector>

int sum(const std::vector<int>& values) {
    <|>
}
''',
    '''#include <string>

// returns the string reversed
<|>
''',
    '''#include <string>
#include <algorithm>

std::string toUpper(std::string s) {
    <|>
}
''',
    '''#include <vector>

std::vector<int> evens(const std::vector<int>& numbers) {
    std::vector<int> result;
    for (int n : numbers) {
        <|>
    }
    return result;
}
''',
    '''class Counter {
public:
    int increment() {
        <|>
    }

private:
    int count_ = 0;
};
''',
    '''#include <iostream>

int main() {
    for (int i = 0; i < 5; ++i) {
        std::cout << <|> << std::endl;
    }
    return 0;
}
''',
    '''#include <map>
#include <string>
#include <sstream>

std::map<std::string, int> countWords(const std::string& text) {
    std::map<std::string, int> counts;
    std::istringstream in(text);
    std::string word;
    while (in >> word) {
        <|>
    }
    return counts;
}
''',
    '''#include <cmath>

struct Point {
    double x;
    double y;

    double distanceTo(const Point& other) const {
        <|>
    }
};
''',
    '''#include <stdexcept>

double divide(double a, double b) {
    if (b == 0.0) {
        <|>
    }
    return a / b;
}
''',
    '''#include <vector>

/**
 * Returns the largest element; the vector must not be empty.
 */
int maxElement(const std::vector<int>& values) {
    <|>
}
''',
]

_C = [
    '''#include <stddef.h>

int sum(const int *values, size_t n) {
    <|>
}
''',
    '''#include <string.h>

/* returns 1 if s is a palindrome, 0 otherwise */
<|>
''',
    '''#include <stdio.h>

int main(void) {
    for (int i = 0; i < 10; i++) {
        <|>
    }
    return 0;
}
''',
    '''#include <ctype.h>

void to_upper(char *s) {
    while (*s) {
        <|>
    }
}
''',
    '''#include <stdlib.h>

typedef struct {
    int *items;
    int size;
    int capacity;
} Stack;

void stack_push(Stack *s, int value) {
    if (s->size == s->capacity) {
        <|>
    }
    s->items[s->size++] = value;
}
''',
    '''int max(int a, int b) {
    return a > b ? <|>;
}
''',
    '''#include <stdio.h>

/* Prints the array on one line. */
void print_array(const int *a, int n) {
    <|>
}
''',
    '''#include <string.h>

size_t count_char(const char *s, char c) {
    size_t count = 0;
    <|>
    return count;
}
''',
    '''#include <stdio.h>

int read_number(const char *path) {
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        <|>
    }
    int value = 0;
    fscanf(f, "%d", &value);
    fclose(f);
    return value;
}
''',
    '''struct point {
    double x;
    double y;
};

double dot(struct point a, struct point b) {
    <|>
}
''',
]

_SHELL = [
    '''#!/bin/bash

# print the number of lines in each .txt file
for f in *.txt; do
  <|>
done
''',
    '''#!/bin/bash

usage() {
  <|>
}
''',
    '''#!/bin/bash
set -euo pipefail

if [ $# -lt 1 ]; then
  <|>
fi
''',
    '''#!/bin/bash

# back up a folder into a dated tar.gz
backup() {
  local src="$1"
  <|>
}
''',
    '''#!/bin/bash

count=0
while read -r line; do
  <|>
done < input.txt
echo "$count"
''',
    '''#!/bin/bash

# create the log folder if it does not exist
<|>
''',
    '''#!/bin/bash

name="${1:-world}"
echo "Hello, <|>"
''',
    '''#!/bin/bash

case "$1" in
  start)
    <|>
    ;;
  stop)
    echo "stopping"
    ;;
esac
''',
    '''#!/bin/bash

is_number() {
  <|>
}
''',
    '''#!/bin/bash

files=$(ls <|>)
for f in $files; do
  echo "$f"
done
''',
]

_SCALA = [
    '''object Stats {
  def average(values: Seq[Double]): Double = {
    <|>
  }
}
''',
    '''object Strings {
  // returns true if the string is a palindrome
  <|>
}
''',
    '''case class Point(x: Double, y: Double) {
  def distanceTo(other: Point): Double = {
    <|>
  }
}
''',
    '''object Words {
  def count(text: String): Map[String, Int] = {
    <|>
  }
}
''',
    '''object Main {
  def main(args: Array[String]): Unit = {
    for (i <- 1 to 10) {
      <|>
    }
  }
}
''',
    '''object Filters {
  def evens(numbers: List[Int]): List[Int] = numbers.filter(<|>)
}
''',
    '''class Stack[A] {
  private var items: List[A] = Nil

  def push(item: A): Unit = {
    items = item :: items
  }

  def pop(): Option[A] = {
    <|>
  }
}
''',
    '''object Safe {
  /** Divides a by b, None when b is zero. */
  def divide(a: Int, b: Int): Option[Int] = {
    <|>
  }
}
''',
    '''object Fizz {
  def fizzbuzz(n: Int): String = {
    if (n % 15 == 0) {
      <|>
    } else if (n % 3 == 0) {
      "Fizz"
    } else {
      n.toString
    }
  }
}
''',
    '''object Names {
  val names = List("ada", "grace")
  val upper = names.map(<|>)
}
''',
]

_RUST = [
    '''fn sum(values: &[i32]) -> i32 {
    <|>
}
''',
    '''/// Returns true if the string reads the same backwards.
fn is_palindrome(s: &str) -> bool {
    <|>
}
''',
    '''// returns the largest element, or None when the slice is empty
<|>
''',
    '''use std::collections::HashMap;

fn count_words(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in text.split_whitespace() {
        <|>
    }
    counts
}
''',
    '''struct Point {
    x: f64,
    y: f64,
}

impl Point {
    fn distance(&self, other: &Point) -> f64 {
        <|>
    }
}
''',
    '''fn main() {
    let numbers = vec![1, 2, 3, 4];
    let evens: Vec<i32> = numbers.iter().filter(<|>).cloned().collect();
    println!("{:?}", evens);
}
''',
    '''use std::fs;
use std::io;

fn read_lines(path: &str) -> io::Result<Vec<String>> {
    let text = fs::read_to_string(path)?;
    <|>
}
''',
    '''struct Stack<T> {
    items: Vec<T>,
}

impl<T> Stack<T> {
    fn push(&mut self, item: T) {
        <|>
    }
}
''',
    '''fn divide(a: f64, b: f64) -> Option<f64> {
    if b == 0.0 {
        <|>
    }
    Some(a / b)
}
''',
    '''fn main() {
    for i in 1..=15 {
        <|>
    }
}
''',
]

_KOTLIN = [
    '''fun average(values: List<Double>): Double {
    <|>
}
''',
    '''// returns true if the string is a palindrome
<|>
''',
    '''class Stack<T> {
    private val items = mutableListOf<T>()

    fun push(item: T) {
        items.add(item)
    }

    fun pop(): T? {
        <|>
    }
}
''',
    '''fun countWords(text: String): Map<String, Int> {
    val counts = mutableMapOf<String, Int>()
    for (word in text.split(" ")) {
        <|>
    }
    return counts
}
''',
    '''data class Point(val x: Double, val y: Double) {
    fun distanceTo(other: Point): Double {
        <|>
    }
}
''',
    '''fun main() {
    val names = listOf("ada", "grace")
    val upper = names.map { <|> }
    println(upper)
}
''',
    '''/**
 * Converts Celsius to Fahrenheit.
 */
fun toFahrenheit(celsius: Double): Double {
    <|>
}
''',
    '''fun divide(a: Int, b: Int): Int? {
    if (b == 0) {
        <|>
    }
    return a / b
}
''',
    '''fun fizzbuzz(n: Int): String {
    return when {
        n % 15 == 0 -> <|>
        n % 3 == 0 -> "Fizz"
        else -> n.toString()
    }
}
''',
    '''fun main() {
    for (i in 1..10) {
        <|>
    }
}
''',
]

_SQL = [
    '''-- the ten customers with the highest total order amount
<|>
''',
    '''SELECT name, email
FROM users
WHERE <|>;
''',
    '''CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    <|>
);
''',
    '''-- count the orders per customer
SELECT customer_id, COUNT(*) AS order_count
FROM orders
<|>
''',
    '''SELECT u.name, o.total
FROM users u
JOIN orders o ON <|>;
''',
    '''-- delete the sessions older than 30 days
<|>
''',
    '''INSERT INTO products (name, price)
VALUES <|>;
''',
    '''SELECT department, AVG(salary) AS avg_salary
FROM employees
GROUP BY department
<|>
''',
    '''CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    <|>
);
''',
    '''UPDATE products
SET price = price * 1.1
WHERE <|>;
''',
]

LANGUAGES: dict[str, tuple[str, list[str]]] = {
    "java": (".java", _JAVA),
    "python": (".py", _PYTHON),
    "javascript": (".js", _JAVASCRIPT),
    "typescript": (".ts", _TYPESCRIPT),
    "csharp": (".cs", _CSHARP),
    "ruby": (".rb", _RUBY),
    "go": (".go", _GO),
    "php": (".php", _PHP),
    "cpp": (".cpp", _CPP),
    "c": (".c", _C),
    "shellscript": (".sh", _SHELL),
    "scala": (".scala", _SCALA),
    "rust": (".rs", _RUST),
    "kotlin": (".kt", _KOTLIN),
    "sql": (".sql", _SQL),
}

CASES: list[tuple[str, str, str]] = [
    (language, ext, source) for language, (ext, sources) in LANGUAGES.items() for source in sources
]
