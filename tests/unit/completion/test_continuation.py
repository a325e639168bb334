"""A manual trigger on an empty line between code: the first item grows into the block
(completion/continuation.py) and its first line stays the ranked one."""

from __future__ import annotations

from dataclasses import dataclass

from codewhisperer_lsp.completion import continuation
from codewhisperer_lsp.model.generator import LOCAL
from tests.unit.completion.conftest import at

PY = '''def total(xs):
    s = 0
    <|>
    return s
'''

JAVA = '''class A {
    int f(int[] xs) {
        int s = 0;
        <|>
        return s;
    }
}
'''


def test_applies_only_to_a_manual_trigger_on_an_empty_line_above_code():
    here = at("python", PY)
    assert continuation.applies(here, True, True)
    assert not continuation.applies(here, False, True)  # an automatic trigger stays one line
    assert not continuation.applies(here, True, False)  # no code below: nothing to fill up to
    assert not continuation.applies(at("python", "def f(xs):\n    s = <|>\n    return s\n"), True, True)


def test_lines_stop_at_the_code_below_and_below_its_indentation():
    here = at("python", PY)
    # the model writes the loop body, then the code below again: that line and after are dropped
    assert continuation.lines_kept(here, "        s += x\n    return s\n") == ["        s += x"]
    # back past the indentation of the code below (the function ended): dropped
    assert continuation.lines_kept(here, "        s += x\ndef g():\n") == ["        s += x"]
    # a blank line ends the gap; a last line without its line break is unfinished
    assert continuation.lines_kept(here, "        s += x\n\n    t = 1\n") == ["        s += x"]
    assert continuation.lines_kept(here, "        s += x\n        s *") == ["        s += x"]
    assert continuation.lines_kept(here, "        s += x\n        s *", complete_only=False) == \
        ["        s += x", "        s *"]
    # a demo tail is never part of a suggestion
    assert continuation.lines_kept(here, "        s += x\n# Example usage\n", complete_only=False) == \
        ["        s += x"]


def test_a_closing_brace_at_the_code_below_indentation_is_kept():
    here = at("java", JAVA)
    text = "            s += x;\n        }\n        return s;\n"
    assert continuation.lines_kept(here, text) == ["            s += x;", "        }"]
    assert continuation.lines_kept(here, "            s += x;\n    }\n") == ["            s += x;"]


def test_the_stop_rule_waits_for_a_line_that_ends_the_gap():
    done = continuation.stop_rule(at("python", PY))
    assert not done("        s += x")  # no complete line yet
    assert not done("        s += x\n")
    assert done("        s += x\n    return s\n")
    assert done("        a\n" * continuation.MAX_LINES)


@dataclass
class _Generation:
    text: str
    token_ids: list


class _Writer:
    """Stands in for the generator: records the prompt, writes a fixed continuation."""

    def __init__(self, writes: str, tokens: int = 5):
        self.writes, self.tokens, self.prompts = writes, tokens, []

    def encode(self, text: str) -> list[str]:
        return list(text)

    def generate(self, ids, sampling, stop_ids, stop_text=None, cancelled=None, constrain=None, prompt_text=None):
        self.prompts.append("".join(ids))
        return _Generation(self.writes, [0] * self.tokens)


def test_extend_keeps_the_first_line_and_adds_the_model_lines():
    here = at("python", PY)
    writer = _Writer("        s += x\n    return s\n")
    grown = continuation.extend(writer, "<pre>def total(xs):\n    s = 0\n", "    ", here, "for x in xs:", set())
    assert grown == "for x in xs:\n        s += x"
    # the prompt goes on after the healed indentation and the first line, on the next line
    assert writer.prompts == ["<pre>def total(xs):\n    s = 0\n    for x in xs:\n"]


def test_extend_with_nothing_more_is_the_line_alone():
    here = at("python", PY)
    assert continuation.extend(_Writer(""), "p", "", here, "s = sum(xs)", set()) == "s = sum(xs)"
    # the token budget ran out in the middle of a line: that line is left out
    cut = _Writer("        s += x\n        s +", tokens=continuation.MAX_TOKENS)
    assert continuation.extend(cut, "p", "", here, "for x in xs:", set()) == "for x in xs:\n        s += x"


def test_the_code_below_written_deeper_is_not_its_first_line():
    here = at("python", "def f(m):\n    if m:\n        <|>\n    return False\n")
    # `return False` inside the `if` is not the function's last line below it: kept, that one not
    assert continuation.lines_kept(here, "        return False\n    return False\n") == ["        return False"]


class _Grower(_Writer):
    """Writes a continuation per first line; scores a block by whether it holds `likes`."""

    abilities = LOCAL

    def __init__(self, after: dict[str, str], likes: str):
        super().__init__("")
        self.after, self.likes = after, likes

    def generate(self, ids, sampling, stop_ids, stop_text=None, cancelled=None, constrain=None, prompt_text=None):
        line = prompt_text.rstrip("\n").rsplit("\n", 1)[-1].strip()
        return _Generation(self.after.get(line, ""), [0])

    def continuation_logprob(self, context, continuation, cancelled=lambda: False, floor=None) -> float:
        return -1.0 if self.likes in "".join(context) else -9.0


def test_the_greedy_line_block_goes_first_when_the_code_below_follows_it_better():
    here = at("python", PY)
    after = {"for x in xs:": "        s += x\n    return s\n", "s = sum(xs)": "    return s\n"}
    origins = {"s = sum(xs)": ["prefix-r0"], "for x in xs:": ["fim-r0"], "pass": ["fim-r1"]}
    items, first = continuation.grow_first(_Grower(after, "s += x"), "p\n", "", "before", here,
                                           ["s = sum(xs)", "for x in xs:", "pass"], origins, set())
    assert first == "greedy"
    assert items == ["for x in xs:\n        s += x", "s = sum(xs)", "pass"]
    # the ranked line's block fits better: it stays first, the greedy block second
    items, first = continuation.grow_first(_Grower(after, "sum(xs)"), "p\n", "", "before", here,
                                           ["s = sum(xs)", "for x in xs:", "pass"], origins, set())
    assert (first, items[:2]) == ("ranked", ["s = sum(xs)", "for x in xs:\n        s += x"])


def test_the_ranked_line_is_the_greedy_one_only_it_grows():
    here = at("python", PY)
    grower = _Grower({"for x in xs:": "        s += x\n"}, "")
    items, first = continuation.grow_first(grower, "p\n", "", "b", here, ["for x in xs:", "pass"],
                                           {"for x in xs:": ["fim-r0"], "pass": ["prefix-r0"]}, set())
    assert (items, first) == (["for x in xs:\n        s += x", "pass"], "ranked")
