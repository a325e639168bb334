"""The closing line of a block, known without the model: an empty line indented back to the open
block's first line, in a document that lacks the closer."""

from __future__ import annotations

import pytest

from codewhisperer_lsp.completion.closer import missing_closer
from codewhisperer_lsp.completion.service import CompletionRequest, CompletionService
from codewhisperer_lsp.config import Settings
from tests.unit.completion.conftest import at

CPP_END = "bool below(vector<int> l, int t){\n    for (int i=0;i<l.size();i++)\n        if (l[i]>=t) return false;\n" \
          "    return true;\n<|>"


def test_a_function_left_open_at_the_end_of_the_file_is_closed():
    assert missing_closer(at("cpp", CPP_END)) == "}"
    assert missing_closer(at("go", "func f(x int) int {\n\treturn x\n<|>\n")) == "}"


def test_an_inner_block_closes_at_its_own_indentation_only():
    java = "class A {\n    int f(int x) {\n        if (x > 0) {\n            x--;\n        <|>\n        return x;\n    }\n}\n"
    assert missing_closer(at("java", java)) == "}"
    # one level further out is not where the `if` block closes
    assert missing_closer(at("java", java.replace("        <|>", "    <|>"))) is None
    # the body's own indentation: a statement goes there, not a closer
    assert missing_closer(at("java", java.replace("        <|>", "            <|>"))) is None


def test_nothing_when_the_document_already_has_its_closer():
    js = "function f(a) {\n  if (a) {\n    return 1\n  <|>\n  }\n  return 2\n}\n"
    assert missing_closer(at("javascript", js)) is None


def test_nothing_on_a_line_with_text_or_in_a_language_without_braces():
    assert missing_closer(at("cpp", CPP_END.replace("<|>", "ret<|>"))) is None
    assert missing_closer(at("python", "def f(x):\n    return {\n        1: 2,\n<|>")) is None


def test_braces_in_strings_and_comments_do_not_count():
    code = 'fn f(x: &\'static str) -> bool {\n    let s = "{";  // {\n    /* { */\n    s == x\n<|>'
    assert missing_closer(at("rust", code)) == "}"
    assert missing_closer(at("rust", code.replace('"{"', '"}"'))) == "}"


def test_brackets_left_open_by_the_first_line_close_after_the_brace():
    js = "items.forEach((item) => {\n  total += item\n<|>"
    assert missing_closer(at("javascript", js)) == "});"
    go = "sort.Slice(xs, func(i, j int) bool {\n\treturn xs[i] < xs[j]\n<|>"
    assert missing_closer(at("go", go)) == "})"


@pytest.mark.parametrize("language_id,opener,closer", [
    ("rust", "let n = if a > 0 {", "};"),
    ("rust", "if let Some(i) = x {", "}"),
    ("java", "for (int i = 0; i < n; i++) {", "}"),
    ("cpp", "struct Point {", "};"),
    ("javascript", "const f = (x) => {", "}"),  # a bare `}` as often as `};`: no semicolon added
])
def test_a_semicolon_where_the_block_ends_a_statement(language_id, opener, closer):
    assert missing_closer(at(language_id, f"{opener}\n    body();\n<|>")) == closer


class NoModel:
    """An engine whose model must not be asked."""

    def generator(self):
        raise AssertionError("the model was asked for a line the document already determines")

    spec = None


@pytest.mark.parametrize("invoked", [False, True])
def test_either_trigger_answers_the_closer_without_the_model(invoked):
    text = CPP_END.replace("<|>", "")
    request = CompletionRequest("file:///project/below.cpp", "cpp", text, 1, len(text), invoked=invoked)
    result = CompletionService(NoModel()).complete(request, Settings(crossFileContext=False))
    assert result.items == ["}"]
    assert result.timings["closer"] is True
