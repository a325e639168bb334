"""Golden cases for cursor classification, one or more per kind and language family."""

import pytest

from codewhisperer_lsp.context.cursor import CompletionKind as K
from codewhisperer_lsp.context.cursor import analyze

CASES = [
    # ---- python
    ("python", "x = foo(<|>)\n", K.SINGLE_LINE_MID),
    ("python", "def f(a):\n    x = a + 1<|>\n", K.LINE),
    ("python", "def f(a):\n    x = 1\n    <|>\n", K.LINE),
    ("python", "if ready:\n    <|>\n", K.BLOCK_BODY),
    ("python", "for i in range(3):\n    <|>\nprint(i)\n", K.BLOCK_BODY),
    ("python", "try:\n    x()\nexcept ValueError:\n    <|>\n", K.BLOCK_BODY),
    ("python", "with open(p) as f:<|>\n", K.BLOCK_BODY),
    ("python", "def add(a, b):\n    <|>\n", K.FUNCTION_BODY),
    ("python", "class A:\n    def add(self, a,\n            b) -> int:\n        <|>\n    x = 1\n", K.FUNCTION_BODY),
    ("python", 'def add(a, b):\n    """Return the sum of a and b."""\n    <|>\n', K.DOCSTRING_BODY),
    ("python", "# parse a date string into a datetime\n<|>\n", K.COMMENT_TO_FUNCTION),
    ("python", "class A:\n    # return the area\n    <|>\n", K.COMMENT_TO_FUNCTION),
    ("python", "def f():\n    # loop over items\n    <|>\n", K.LINE),
    ("python", "x = 1  # the counter<|>\n", K.COMMENT),
    ("python", 'def f():\n    """Compute <|>"""\n', K.COMMENT),
    ("python", "s = 'hello <|>world'\n", K.NONE),
    ("python", "value = compu<|>ted + 1\n", K.NONE),
    # ---- java
    ("java", "class A {\n  int f() { return g(<|>); }\n}\n", K.SINGLE_LINE_MID),
    ("java", "class A {\n  void f() {\n    int x = 1;\n    <|>\n  }\n}\n", K.LINE),
    ("java", "class A {\n  void f(int n) {\n    for (int i = 0; i < n; i++) {\n      <|>\n    }\n  }\n}\n", K.BLOCK_BODY),
    ("java", "class A {\n  int add(int a, int b) {\n    <|>\n  }\n}\n", K.FUNCTION_BODY),
    ("java", "class A {\n  /** Adds two numbers. */\n  int add(int a, int b) {\n    <|>\n  }\n}\n", K.DOCSTRING_BODY),
    ("java", "class A {\n  // returns the maximum of an array\n  <|>\n}\n", K.COMMENT_TO_FUNCTION),
    ("java", "class A {\n  // a note<|>\n}\n", K.COMMENT),
    ("java", 'class A { String s = "abc<|>def"; }\n', K.NONE),
    # ---- javascript / typescript / tsx
    ("javascript", "const x = max(<|>, 2);\n", K.SINGLE_LINE_MID),
    ("javascript", "function f(items) {\n  const n = items.length;\n  <|>\n}\n", K.LINE),
    ("javascript", "if (ok) {\n  <|>\n}\n", K.BLOCK_BODY),
    ("javascript", "function add(a, b) {\n  <|>\n}\n", K.FUNCTION_BODY),
    ("javascript", "/**\n * Adds two numbers.\n */\nfunction add(a, b) {\n  <|>\n}\n", K.DOCSTRING_BODY),
    ("javascript", "// fetch the user by id and return json\n<|>\n", K.COMMENT_TO_FUNCTION),
    ("javascript", "const s = `name: <|>`;\n", K.SINGLE_LINE_MID),
    ("javascript", "const config = {\n  <|>\n};\n", K.LINE),
    ("typescript", "export function add(a: number, b: number): number {\n  <|>\n}\n", K.FUNCTION_BODY),
    ("typescript", "/** Adds. */\nexport function add(a: number): number {\n  <|>\n}\n", K.DOCSTRING_BODY),
    ("typescript", "switch (x) {\n  case 1:\n    <|>\n}\n", K.BLOCK_BODY),
    ("typescript", "// TODO: handle <|>\n", K.COMMENT),
    ("typescriptreact", "function App() {\n  <|>\n}\n", K.FUNCTION_BODY),
    ("typescriptreact", "const el = <div className={<|>}></div>;\n", K.SINGLE_LINE_MID),
    ("typescriptreact", "while (true) {\n  <|>\n}\n", K.BLOCK_BODY),
    # ---- csharp
    ("csharp", "class A\n{\n    int Add(int a, int b)\n    {\n        <|>\n    }\n}\n", K.FUNCTION_BODY),
    ("csharp", "class A\n{\n    /// <summary>Adds.</summary>\n    int Add(int a, int b)\n    {\n        <|>\n    }\n}\n", K.DOCSTRING_BODY),
    ("csharp", "class A\n{\n    void F()\n    {\n        foreach (var x in xs)\n        {\n            <|>\n        }\n    }\n}\n", K.BLOCK_BODY),
    ("csharp", "class A\n{\n    // compute the checksum of a byte array\n    <|>\n}\n", K.COMMENT_TO_FUNCTION),
    ("csharp", "class A\n{\n    void F()\n    {\n        var x = Foo(<|>);\n    }\n}\n", K.SINGLE_LINE_MID),
    # ---- ruby
    ("ruby", "def add(a, b)\n  <|>\nend\n", K.FUNCTION_BODY),
    ("ruby", "# Adds two numbers\ndef add(a, b)\n  <|>\nend\n", K.DOCSTRING_BODY),
    ("ruby", "items.each do |item|\n  <|>\nend\n", K.BLOCK_BODY),
    ("ruby", "if ready\n  <|>\nend\n", K.BLOCK_BODY),
    ("ruby", "def f\n  x = 1\n  <|>\nend\n", K.LINE),
    ("ruby", "# parse the csv file\n<|>\n", K.COMMENT_TO_FUNCTION),
    ("ruby", "name = \"hi <|>\"\n", K.SINGLE_LINE_MID),
    # ---- go
    ("go", "package main\n\nfunc add(a, b int) int {\n\t<|>\n}\n", K.FUNCTION_BODY),
    ("go", "package main\n\n// add returns the sum\nfunc add(a, b int) int {\n\t<|>\n}\n", K.DOCSTRING_BODY),
    ("go", "package main\n\nfunc f() {\n\tif err != nil {\n\t\t<|>\n\t}\n}\n", K.BLOCK_BODY),
    ("go", "package main\n\n// reverse a string\n<|>\n", K.COMMENT_TO_FUNCTION),
    ("go", "package main\n\nfunc f() {\n\tx := g(<|>)\n}\n", K.SINGLE_LINE_MID),
    ("go", "package main\n\nfunc f() {\n\tx := 1\n\t<|>\n}\n", K.LINE),
    # ---- php
    ("php", "<?php\nfunction add($a, $b) {\n    <|>\n}\n", K.FUNCTION_BODY),
    ("php", "<?php\n/** Adds. */\nfunction add($a, $b) {\n    <|>\n}\n", K.DOCSTRING_BODY),
    ("php", "<?php\nforeach ($xs as $x) {\n    <|>\n}\n", K.BLOCK_BODY),
    ("php", "<?php\n$s = 'abc<|>';\n", K.SINGLE_LINE_MID),
    # ---- c / cpp
    ("c", "int add(int a, int b) {\n    <|>\n}\n", K.FUNCTION_BODY),
    ("c", "/* Adds two ints. */\nint add(int a, int b) {\n    <|>\n}\n", K.DOCSTRING_BODY),
    ("c", "int f(int n) {\n    while (n > 0) {\n        <|>\n    }\n}\n", K.BLOCK_BODY),
    ("c", "// compute the factorial of n\n<|>\n", K.COMMENT_TO_FUNCTION),
    ("cpp", "class A {\n public:\n  int get() const {\n    <|>\n  }\n};\n", K.FUNCTION_BODY),
    ("cpp", "int main() {\n  for (auto x : xs) {\n    <|>\n  }\n}\n", K.BLOCK_BODY),
    ("cpp", "int main() {\n  std::cout << \"hi <|>\";\n}\n", K.SINGLE_LINE_MID),
    ("cpp", "int main() {\n  int x = 1;<|>\n}\n", K.LINE),
    # ---- shell
    ("shellscript", "if [ -f \"$f\" ]; then\n  <|>\nfi\n", K.BLOCK_BODY),
    ("shellscript", "for f in *.txt; do\n  <|>\ndone\n", K.BLOCK_BODY),
    ("shellscript", "greet() {\n  <|>\n}\n", K.FUNCTION_BODY),
    ("shellscript", "# print usage and exit\n<|>\n", K.COMMENT_TO_FUNCTION),
    ("shellscript", "echo \"hello <|>\"\n", K.SINGLE_LINE_MID),
    ("shellscript", "echo <|> done\n", K.SINGLE_LINE_MID),
    # ---- scala
    ("scala", "object A {\n  def add(a: Int, b: Int): Int = {\n    <|>\n  }\n}\n", K.FUNCTION_BODY),
    ("scala", "object A {\n  /** Adds. */\n  def add(a: Int, b: Int): Int = {\n    <|>\n  }\n}\n", K.DOCSTRING_BODY),
    ("scala", "object A {\n  def f(x: Int) = {\n    x match {\n      <|>\n    }\n  }\n}\n", K.BLOCK_BODY),
    ("scala", "object A {\n  // parse a json string\n  <|>\n}\n", K.COMMENT_TO_FUNCTION),
    # ---- rust
    ("rust", "fn add(a: i32, b: i32) -> i32 {\n    <|>\n}\n", K.FUNCTION_BODY),
    ("rust", "/// Adds two numbers.\nfn add(a: i32, b: i32) -> i32 {\n    <|>\n}\n", K.DOCSTRING_BODY),
    ("rust", "fn f(x: u8) {\n    match x {\n        <|>\n    }\n}\n", K.BLOCK_BODY),
    ("rust", "// read a file into a string\n<|>\n", K.COMMENT_TO_FUNCTION),
    ("rust", "fn f() {\n    let s = \"x<|>y\";\n}\n", K.NONE),
    ("rust", "fn f() {\n    let v = vec![1, 2];<|>\n}\n", K.LINE),
    # ---- kotlin
    ("kotlin", "fun add(a: Int, b: Int): Int {\n    <|>\n}\n", K.FUNCTION_BODY),
    ("kotlin", "/** Adds. */\nfun add(a: Int, b: Int): Int {\n    <|>\n}\n", K.DOCSTRING_BODY),
    ("kotlin", "fun f(x: Int) {\n    when (x) {\n        <|>\n    }\n}\n", K.BLOCK_BODY),
    ("kotlin", "class A {\n    // returns the user name\n    <|>\n}\n", K.COMMENT_TO_FUNCTION),
    ("kotlin", "fun f() {\n    val s = \"a<|>b\"\n}\n", K.NONE),
    # ---- sql
    ("sql", "SELECT a FROM t WHERE <|>\n", K.LINE),
    ("sql", "SELECT a, <|> FROM t;\n", K.SINGLE_LINE_MID),
    ("sql", "-- count orders per customer<|>\n", K.COMMENT),
    ("sql", "SELECT * FROM t WHERE name = 'bo<|>b';\n", K.NONE),
]


@pytest.mark.parametrize(("language_id", "marked", "kind"), CASES,
                         ids=[f"{c[0]}-{i}-{c[2].name}" for i, c in enumerate(CASES)])
def test_kind(marked_doc, language_id, marked, kind):
    doc, line, character = marked_doc(language_id, marked)
    assert analyze(doc, line, character).kind is kind
