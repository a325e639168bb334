from codewhisperer_lsp.completion.ranking import by_syntax


def test_an_item_that_breaks_the_syntax_goes_after_one_that_does_not():
    before, after = "def f(xs):\n    total = ", "\n    return total\n"
    items = ["sum(xs", "sum(xs)", "len(xs)"]
    assert by_syntax("python", before, after, items) == ["sum(xs)", "len(xs)", "sum(xs"]


def test_ties_keep_the_greedy_item_first():
    before, after = "function f(a) {\n  return ", ";\n}\n"
    items = ["a + 1", "a * 2", "a - 1"]
    assert by_syntax("javascript", before, after, items) == items


def test_one_item_or_an_unknown_language_is_left_alone():
    assert by_syntax("python", "x = ", "\n", ["(1"]) == ["(1"]
    assert by_syntax("cobol", "", "", ["b(", "a"]) == ["b(", "a"]
