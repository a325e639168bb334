"""Golden cases for cutting a suggestion where the cursor's block ends."""

import pytest

from codewhisperer_lsp.context.block import block_end_offset, count_errors, has_syntax_errors

from .conftest import CURSOR

# (language, document with <|>, suggestion, the suggestion as cut, or None for no cut)
CASES = [
    ("python", "def add(a, b):\n    <|>\n",
     "total = a + b\n    return total\n\ndef sub(a, b):\n    return a - b\n",
     "total = a + b\n    return total"),
    ("python", "class A:\n    def f(self):\n        <|>\n",
     "x = 1\n        if x:\n            y = 2\n\n    def g(self):\n        pass\n",
     "x = 1\n        if x:\n            y = 2"),
    ("python", "def f(x):<|>\n", "\n    return x\nprint(f(1))\n", "\n    return x"),
    ("python", "def f(x):\n    <|>\n", "return x\n    # done\n", None),
    ("python", "if ok:\n\t<|>\n", "run()\n\tstop()\nelse:\n\tpass\n", "run()\n\tstop()"),
    ("javascript", "function f(a) {\n  <|>\n}\n",
     "const b = a * 2;\n  if (b) { log(b); }\n  return b;\n}\n\nfunction g() {}\n",
     "const b = a * 2;\n  if (b) { log(b); }\n  return b;\n}"),
    ("javascript", "function f(a) {\n  <|>\n}\n", "const s = '}';\n  // } not code\n  return s;\n}",
     "const s = '}';\n  // } not code\n  return s;\n}"),
    ("typescript", "class A {\n  m(): void {\n    <|>\n  }\n}\n", "this.x = 1;\n  }\n\n  n() {}\n",
     "this.x = 1;\n  }"),
    ("java", "class A {\n  int f() {\n    <|>\n  }\n}\n", "return 1;\n  }\n  int g() { return 2; }\n",
     "return 1;\n  }"),
    ("go", "package main\n\nfunc f() {\n\t<|>\n}\n", "x := `}`\n\tfmt.Println(x)\n}\n\nfunc g() {}\n",
     "x := `}`\n\tfmt.Println(x)\n}"),
    ("rust", "fn f<'a>(s: &'a str) {\n    <|>\n}\n", "let c = '}';\n    println!(\"{}\", c);\n}\nfn g() {}\n",
     "let c = '}';\n    println!(\"{}\", c);\n}"),
    ("c", "int f(void) {\n    <|>\n}\n", "int x = 0; /* } */\n    return x;\n}\nint g(void);\n",
     "int x = 0; /* } */\n    return x;\n}"),
    ("cpp", "int f() {\n  <|>\n}\n", "return 1;\n", None),
    ("csharp", "class A\n{\n    void F()\n    {\n        <|>\n    }\n}\n", "G();\n    }\n    void H() { }\n",
     "G();\n    }"),
    ("php", "<?php\nfunction f($a) {\n    <|>\n}\n", "return $a;\n}\nfunction g() {}\n", "return $a;\n}"),
    ("kotlin", "fun f(x: Int) {\n    <|>\n}\n", "if (x > 0) {\n        println(x)\n    }\n}\nfun g() {}\n",
     "if (x > 0) {\n        println(x)\n    }\n}"),
    ("scala", "object A {\n  def f(x: Int): Int = {\n    <|>\n  }\n}\n", "x + 1\n  }\n  def g = 2\n",
     "x + 1\n  }"),
    ("ruby", "def f(a)\n  <|>\nend\n", "a.each do |x|\n    puts \"end #{x}\"\n  end\nend\n\ndef g\nend\n",
     "a.each do |x|\n    puts \"end #{x}\"\n  end\nend"),
    ("ruby", "def f(a)\n  <|>\nend\n", "return 1 if a # end\nend\n", "return 1 if a # end\nend"),
    ("shellscript", "if [ -f x ]; then\n  <|>\nfi\n", "echo done\n  for i in 1 2; do\n    echo $i\n  done\nfi\necho next\n",
     "echo done\n  for i in 1 2; do\n    echo $i\n  done\nfi"),
    ("shellscript", "greet() {\n  <|>\n}\n", "echo \"} hi\"\n}\n", "echo \"} hi\"\n}"),
    ("sql", "SELECT <|>", "a FROM t;\nSELECT b FROM u;", None),
]


@pytest.mark.parametrize(("language_id", "document", "suggestion", "expected"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_block_end(language_id, document, suggestion, expected):
    prefix, suffix = document.split(CURSOR)
    end = block_end_offset(language_id, prefix, suggestion, suffix)
    assert (suggestion[:end] if end is not None else None) == expected


def test_cut_that_would_break_the_parse_is_refused():
    # the structural guess closes the block inside an unterminated call: the parse says no
    prefix, suffix = "function f() {\n  ", "\n}\n"
    assert block_end_offset("javascript", prefix, "g(1,\n}\n", suffix) is None


def test_unknown_language_has_no_block_end():
    assert block_end_offset("plaintext", "", "a\n}\n", "") is None


def test_error_counting():
    assert count_errors("python", "def f(:\n") > 0
    assert count_errors("python", "def f():\n    return 1\n") == 0
    assert count_errors("java", "class A { void f() {") == 2  # two MISSING "}"
    assert has_syntax_errors("rust", "fn f( {")
    assert not has_syntax_errors("go", "package main\n")
    assert not has_syntax_errors("plaintext", "anything")
