"""One golden test (or a few) per post-processing filter, each with the cursor marked in the text."""

from __future__ import annotations

from codewhisperer_lsp.completion.postprocess import block, brackets, fences, indent, line, postprocess, \
    signature, suffix, tiny, whitespace
from tests.unit.completion.conftest import at

JAVA_METHOD = "public class A {\n    int sign(int x) {<|>\n}\n"
JAVA_BODY = ("\n        if (x > 0) {\n            return 1;\n        }\n        return 0;\n    }"
             "\n\n    int other() {\n        return 2;\n    }\n}")


# --- fences ---------------------------------------------------------------------------------

def test_fence_and_prose_after_it_are_dropped():
    s = at("python", "def f(x):\n<|>")
    assert fences.drop_fences(s, "    return x\n```\nThis returns x.") == "    return x"


def test_example_usage_tail_is_dropped():
    s = at("python", "def double(x):\n<|>")
    out = fences.drop_tails(s, "    return 2 * x\n\n# Example usage\nprint(double(2))\n")
    assert out.rstrip() == "    return 2 * x"


def test_main_guard_tail_is_dropped():
    s = at("python", "def double(x):\n<|>")
    out = fences.drop_tails(s, "    return 2 * x\n\nif __name__ == '__main__':\n    print(double(2))")
    assert out.rstrip() == "    return 2 * x"


# --- line -----------------------------------------------------------------------------------

def test_mid_line_keeps_only_its_line():
    s = at("python", "total = compute(<|>)\nprint(total)\n")
    assert line.cut_line(s, "a, b)\nprint(total)") == "a, b)"


def test_line_by_line_proposes_the_following_line_after_a_complete_one():
    s = at("python", "def f(xs):\n    total = 0<|>\n")
    assert s.kind.value == "line"
    assert line.cut_line(s, "\n    for x in xs:\n        total += x\n") == "\n    for x in xs:"


def test_line_by_line_finishes_an_unfinished_line():
    s = at("python", "def f(xs):\n    total = sum(<|>\n")
    assert line.cut_line(s, "xs)\n    return total") == "xs)"


def test_line_on_a_blank_indented_line_does_not_repeat_the_indent():
    s = at("python", "def f(xs):\n    total = 0\n    <|>\n    return total\n")
    assert s.kind.value == "line"
    assert line.cut_line(s, "\n    total += 1\n    total += 2") == "total += 1"


# --- signature ------------------------------------------------------------------------------

def test_comment_to_function_stops_after_the_signature():
    s = at("python", "import math\n\n# Return the area of a circle of radius r.\n<|>\n")
    assert s.kind.value == "comment_to_function"
    out = signature.cut_signature(s, "def circle_area(r):\n    return math.pi * r * r\n")
    assert out == "def circle_area(r):"


def test_signature_spanning_lines_and_brace_languages():
    s = at("python", "# Join the words.\n<|>\n")
    assert signature.cut_signature(s, "def join(words,\n         sep=' '):\n    return sep.join(words)") \
        == "def join(words,\n         sep=' '):"
    s = at("java", "class A {\n    // Returns the sum of a and b.\n<|>\n}\n")
    assert signature.cut_signature(s, "    public int add(int a, int b) {\n        return a + b;\n    }") \
        == "    public int add(int a, int b) {"


def test_unfinished_signature_is_dropped():
    s = at("python", "# Join the words.\n<|>\n")
    assert signature.cut_signature(s, "def join(words,") == ""


# --- block ----------------------------------------------------------------------------------

def test_python_body_ends_at_the_dedent():
    s = at("python", "def f(x):\n    <|>\n")
    out = block.cut_block(s, "if x:\n        return 1\n    return 0\n\ndef g():\n    pass\n")
    assert out == "if x:\n        return 1\n    return 0"


def test_java_body_keeps_its_closer_when_the_suffix_does_not_close_the_method():
    s = at("java", JAVA_METHOD)
    out = block.cut_block(s, JAVA_BODY)
    assert out.endswith("return 0;\n    }") and out.count("}") == 2


def test_brace_body_drops_its_closer_when_the_editor_already_closed_it():
    s = at("javascript", "function inc(a) {\n  <|>\n}\n")
    assert block.cut_block(s, "return a + 1;\n}\n\nfunction dec(a) {\n  return a - 1;\n}\n") == "return a + 1;"


def test_ruby_body_ends_at_end():
    s = at("ruby", "def twice(x)<|>\n")
    out = block.cut_block(s, "\n  x * 2\nend\n\ndef thrice(x)\n  x * 3\nend")
    assert out == "\n  x * 2\nend"


def test_shell_if_body_ends_at_fi():
    s = at("shellscript", 'if [ -f "$1" ]; then<|>\nfi\n')
    out = block.cut_block(s, '\n  cat "$1"\nfi\necho done\n')
    assert out == '\n  cat "$1"'


# --- suffix ---------------------------------------------------------------------------------

def test_mid_line_overlap_with_the_rest_of_the_line_is_removed():
    s = at("python", "value = max(<|>)\n")
    assert suffix.drop_suffix_overlap(s, "a, b)") == "a, b"


def test_repeat_of_the_following_code_is_cut():
    s = at("python", "def f(x):\n    <|>\n    return y\n\nprint(f(1))\n")
    s_block = at("python", "def f(x):\n    y = x * 2<|>\n    return y\n\nprint(f(1))\n")
    assert s_block.stop.value == "block" or s.stop.value in ("block", "next_line")
    text = "\n    y += 1\n    return y\n\nprint(f(1))"
    context = at("python", "def g(x):\n    if x:<|>\n    return y\n\nprint(f(1))\n")
    assert suffix.drop_suffix_lines(context, text) == "\n    y += 1"


def test_lone_closers_are_not_taken_for_a_repeat_of_the_suffix():
    """The bug: a Java body lost its closing braces because `}` lines 'duplicated' the class's `}`."""
    s = at("java", JAVA_METHOD)
    body = "\n        if (x > 0) {\n            return 1;\n        }\n        return 0;\n    }"
    assert suffix.drop_suffix_lines(s, body) == body


def test_whole_chain_keeps_the_java_method_closers():
    s = at("java", JAVA_METHOD)
    out = postprocess(s, JAVA_BODY)
    assert out == "\n        if (x > 0) {\n            return 1;\n        }\n        return 0;\n    }"


# --- brackets -------------------------------------------------------------------------------

def test_unopened_closer_is_cut():
    s = at("python", "items = [1, 2]\ncount = len(items<|>\n")
    assert brackets.balance(s, ")) + 1") == ")"


def test_closer_of_a_bracket_opened_on_an_earlier_line_is_kept():
    s = at("python", "result = compute(\n    first,\n    <|>\n")
    assert brackets.balance(s, "second)") == "second)"


def test_brackets_inside_strings_do_not_count():
    s = at("python", "print(<|>\n")
    assert brackets.balance(s, "')' + x)") == "')' + x)"


# --- indentation ----------------------------------------------------------------------------

def test_four_space_model_output_follows_a_two_space_file():
    s = at("javascript", "function f(xs) {\n  if (xs.length) {\n    return 1;\n  }\n  for (const x of xs) {<|>\n}\n")
    out = indent.normalise(s, "\n      if (x) {\n          return x;\n      }\n  }")
    assert out == "\n    if (x) {\n      return x;\n    }\n  }"


def test_spaces_become_tabs_in_a_tab_indented_file():
    s = at("go", "package main\n\nfunc f(x int) int {\n\tif x > 0 {\n\t\treturn 1\n\t}<|>\n}\n")
    s_body = at("go", "package main\n\nfunc f(x int) int {\n\tif x > 0 {\n\t\treturn 1\n\t}\n\tfor {<|>\n}\n")
    out = indent.normalise(s_body, "\n        break\n    }")
    assert out == "\n\t\tbreak\n\t}"
    assert s.kind.value == "line"


def test_matching_style_is_left_alone():
    s = at("python", "def f(x):\n    <|>\n")
    text = "if x:\n        return 1\n    return 0"
    assert indent.normalise(s, text) == text


# --- whitespace and tiny --------------------------------------------------------------------

def test_trailing_spaces_and_blank_lines_go():
    s = at("python", "def f(x):\n    <|>\n")
    assert whitespace.trim(s, "return x   \n\n\n") == "return x"


def test_trivial_suggestions_are_dropped():
    s = at("python", "x = (1 + 2<|>\n")
    assert tiny.drop_trivial(s, "  ") == ""
    assert tiny.drop_trivial(s, ")") == ""
    assert tiny.drop_trivial(s, ") * 3") == ") * 3"


def test_a_closing_brace_the_document_lacks_is_kept_on_its_own_line():
    open_block = at("java", "class A {\n    int f(int x) {\n        if (x > 0) {\n            return 1;\n        <|>\n"
                            "        return 0;\n    }\n}\n")
    assert tiny.drop_trivial(open_block, "}") == "}"
    balanced = at("java", "class A {\n    int f(int x) {\n        if (x > 0) {\n            return 1;\n        }\n"
                          "        <|>\n        return 0;\n    }\n}\n")
    assert tiny.drop_trivial(balanced, "}") == ""
    assert tiny.drop_trivial(open_block, "}}") == ""  # one brace is missing, not two
    assert tiny.drop_trivial(open_block, ");") == ""
    # braces in strings and comments do not count
    commented = at("javascript", "function f() {\n  // {\n  const s = '{';\n  <|>\n")
    assert tiny.drop_trivial(commented, "}") == "}"
    assert tiny.drop_trivial(at("javascript", "function f() {}\n// {\n<|>\n"), "}") == ""


def test_brackets_in_docstrings_and_comments_do_not_cause_cuts():
    s = at("python", 'def f(t):\n    """Docs (see [x."""\n    # note {\n    <|>\n')
    text = "return Fraction(t, s, _normalize=False)  # (sic"
    assert brackets.balance(s, text) == text
