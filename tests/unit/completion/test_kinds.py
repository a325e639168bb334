"""The cursor's completion kind becomes a plan (budget, prompt mode, stop rule), and the stop
rules end generation where the kind's suggestion is complete."""

from __future__ import annotations

import pytest

from codewhisperer_lsp.completion.kinds import PLANS, Stop, plan_for
from codewhisperer_lsp.completion.service import CompletionResult, stop_rule
from codewhisperer_lsp.context.cursor import CompletionKind as K
from tests.unit.completion.conftest import at


@pytest.mark.parametrize("language,marked,kind,stop", [
    ("python", "x = max(<|>)\n", K.SINGLE_LINE_MID, Stop.LINE),
    ("python", "x = 1<|>\n", K.LINE, Stop.NEXT_LINE),
    ("python", "for i in range(3):<|>\n", K.BLOCK_BODY, Stop.BLOCK),
    ("java", "class A {\n    void f() {\n        while (true) {<|>\n    }\n}\n", K.BLOCK_BODY, Stop.BLOCK),
    ("go", "package main\n\nfunc add(a, b int) int {<|>\n}\n", K.FUNCTION_BODY, Stop.BLOCK),
    ("python", 'def f(x):\n    """Twice x."""\n    <|>\n', K.DOCSTRING_BODY, Stop.BLOCK),
    ("javascript", "/** Twice x. */\nfunction f(x) {<|>\n}\n", K.DOCSTRING_BODY, Stop.BLOCK),
    ("python", "# Return twice x.\n<|>\n", K.COMMENT_TO_FUNCTION, Stop.SIGNATURE),
    ("rust", "// Return twice x.\n<|>\n", K.COMMENT_TO_FUNCTION, Stop.SIGNATURE),
    ("python", "# Return twice<|>\n", K.COMMENT, Stop.LINE),
])
def test_kind_and_plan(language, marked, kind, stop):
    s = at(language, marked)
    assert s.kind is kind
    assert s.stop is stop


def test_every_kind_has_a_plan_with_its_own_budget():
    budgets = {PLANS[k].budget for k in PLANS}
    assert len(budgets) >= 4
    assert PLANS[K.FUNCTION_BODY].budget > PLANS[K.LINE].budget > PLANS[K.COMMENT].budget


def test_sql_has_no_blocks_and_strings_get_nothing():
    assert plan_for(K.FUNCTION_BODY, "sql").kind is K.LINE
    s = at("python", 'x = "hello <|>world"\n')
    assert s.plan is None


def test_line_stop_rule():
    done = stop_rule(at("python", "x = max(<|>)\n"), "")
    assert not done("a, b")
    assert done("a, b)\n")


def test_next_line_stop_rule_waits_for_the_following_line():
    done = stop_rule(at("python", "x = 1<|>\n"), "")
    assert not done("\n")
    assert not done("\ny = ")
    assert done("\ny = 2\n")


def test_signature_stop_rule():
    done = stop_rule(at("python", "# Return twice x.\n<|>\n"), "")
    assert not done("def twice(x")
    assert done("def twice(x):\n")


def test_block_stop_rule_python_and_braces():
    done = stop_rule(at("python", "def f(x):\n    <|>\n"), "    ")
    assert not done("    return x\n")
    assert done("    return x\n\nprint(")
    done = stop_rule(at("c", "int f(int x) {<|>\n"), "{")
    assert not done("{\n    if (x) {\n        return 1;\n    }\n")
    assert done("{\n    if (x) {\n        return 1;\n    }\n    return 0;\n}")


def test_block_stop_rule_stops_at_fences_and_long_output():
    done = stop_rule(at("python", "def f(x):\n    <|>\n"), "")
    assert done("return x\n```")
    assert done("x = 1\n" * 45)


def test_result_keeps_the_old_shape_name():
    result = CompletionResult(["x"], "line")
    assert result.shape == result.kind == "line"
    assert CompletionResult([], None).shape is None


def test_a_new_line_above_code_shows_it_on_a_manual_trigger_only():
    line = plan_for(K.LINE, "java")
    assert line.fim_for(invoked=True, code_below=True)  # the ranked manual candidates see the code below
    assert not line.fim_for(invoked=False, code_below=True)  # the automatic line stays prefix-only
    assert line.fim_for(invoked=False, code_below=False)  # at the end of the code, always shown
    assert not plan_for(K.BLOCK_BODY, "java").fim_for(invoked=True, code_below=True)
    assert plan_for(K.SINGLE_LINE_MID, "java").fim_for(invoked=False, code_below=True)


def test_a_language_can_keep_the_manual_line_prefix_only(monkeypatch):
    from codewhisperer_lsp.completion import kinds
    monkeypatch.setattr(kinds, "LINE_PREFIX_ONLY_ABOVE_CODE", frozenset({"rust"}))
    assert not plan_for(K.LINE, "rust").fim_for(invoked=True, code_below=True)
    assert plan_for(K.LINE, "go").fim_for(invoked=True, code_below=True)
