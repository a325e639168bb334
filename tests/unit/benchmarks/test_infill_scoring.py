"""The scoring of bench/infill_bench.py: exact match, edit similarity, the masked line substituted."""

from __future__ import annotations

import pytest

from bench import infill_bench as bench

PROBLEM = {"task_id": "Python/3", "prompt": "def f(x):\n    \"\"\"Twice x.\"\"\"\n",
           "canonical_solution": "    y = x * 2\n\n    return y\n", "test": "assert f(2) == 4\n"}


def test_exact_match_strips_whitespace_only():
    assert bench.exact("    return y  ", "return y")
    assert not bench.exact("return  y", "return y")
    assert not bench.exact("", "return y")


@pytest.mark.parametrize("candidate, expected, similarity", [
    ("return y", "return y", 1.0),
    ("  return y", "return y\t", 1.0),
    ("return x", "return y", 1 - 1 / 8),
    ("", "abcd", 0.0),
    ("", "", 1.0),
    ("kitten", "sitting", 1 - 3 / 7),
])
def test_edit_similarity_is_one_minus_levenshtein_over_the_longer(candidate, expected, similarity):
    assert bench.edit_similarity(candidate, expected) == pytest.approx(similarity)


def test_every_non_blank_line_is_a_task_and_substitution_restores_the_document():
    tasks = bench.tasks_of("python", PROBLEM)
    assert [task.line for task in tasks] == ["    y = x * 2", "    return y"]
    whole = PROBLEM["prompt"] + PROBLEM["canonical_solution"]
    for task in tasks:
        assert bench.substitute(task, task.line) == whole
        assert task.before.endswith("\n") and task.after.startswith("\n")
    first = tasks[0]
    assert first.indent == "    "
    # only the first line of a suggestion goes in; the rest of the document stays as it was
    assert bench.substitute(first, "    y = x + x\n    extra") == whole.replace("x * 2", "x + x")
    assert bench.substitute(first, "") == PROBLEM["prompt"] + "\n\n    return y\n"


def test_line_helpers():
    assert bench.first_line("a\nb") == "a" and bench.first_line("") == ""
    assert bench.first_nonblank_line("\n  \n  y = 1\nz") == "  y = 1"
    assert not bench._line_written("\n   ") and bench._line_written("\n  y = 1\n")


def test_the_tests_see_the_substituted_line(tmp_path):
    task = bench.tasks_of("python", PROBLEM)[0]
    tester = bench.Tester(timeout=30)
    assert tester.canonical_passes(task)
    assert tester.passes(task, "    y = x + x")
    assert not tester.passes(task, "    y = x * 3")
    name, text = bench.program(task, bench.substitute(task, "    y = 0"))
    assert name == "check.py" and "    y = 0\n" in text and text.endswith(PROBLEM["test"] + "\n")


def test_go_and_rust_programs_are_completed_for_their_test_runners():
    go = {"task_id": "Go/1", "prompt": "import (\n    \"math\"\n)\nfunc F() float64 {\n",
          "canonical_solution": "    return math.Pi\n}\n", "test": "func TestF(t *testing.T) {}\n",
          "test_setup": "package main\n\nimport (\n    \"testing\"\n)\n"}
    task = bench.tasks_of("go", go)[0]
    assert task.before.startswith("package main\n\n")  # the document an editor shows
    name, text = bench.program(task, bench.substitute(task, task.line))
    assert name == "check_test.go" and text.count("package main") == 1
    rust = {"task_id": "Rust/1", "prompt": "/* doc */\n", "declaration": "use rand::Rng;\nuse md5;\nfn f() -> i32{\n",
            "canonical_solution": "    1\n}\n", "test": "#[test]\nfn t() {}\n"}
    task = bench.tasks_of("rust", rust)[0]
    assert "use rand::Rng;" in task.before
    name, text = bench.program(task, bench.substitute(task, task.line))
    assert "rand" not in text and "md5" not in text and "    1\n}" in text


def test_multi_line_spans_and_the_bare_middle_cut_to_their_lines():
    from bench import infill_multiline as multi

    problem = dict(PROBLEM, canonical_solution="    y = x * 2\n    z = y\n\n    return z\n")
    spans = multi.spans_of("python", problem)
    # 2-4 lines, first and last not blank
    assert [(span.row, len(span.lines)) for span in spans] == [(0, 2), (0, 4), (1, 3)]
    whole = problem["prompt"] + problem["canonical_solution"]
    for span in spans:
        assert span.document(list(span.lines)) == whole
    assert multi.bare_lines("\n    y = x * 2\n    z = y\n    extra", 2) == ["    y = x * 2", "    z = y"]
    assert multi.lines_exact(["y = x * 2 ", "  z = y"], spans[0].lines)
    assert not multi.lines_exact(["y = x * 2"], spans[0].lines)
    tester = bench.Tester(timeout=30)
    assert tester.passes_document(spans[0], spans[0].document(["    y = x + x", "    z = y"]))
    assert not tester.passes_document(spans[0], spans[0].document(["    y = x + x", "    z = 0"]))


def test_a_block_item_becomes_the_span_lines_after_the_cursor_indentation():
    from bench import infill_multiline as multi
    assert multi.block_lines("for x in xs:\n        s += x", "    ") == ["    for x in xs:", "        s += x"]
    assert multi.block_lines("return s", "    ") == ["    return s"]
