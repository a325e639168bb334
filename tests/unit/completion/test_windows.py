"""The prompt window's start stays put while the cursor moves within a region, and the warm-up
prefills while nobody waits (with fakes for the tokenizer and the generator)."""

from __future__ import annotations

import threading
import time

from codewhisperer_lsp.completion import prompt as prompts
from codewhisperer_lsp.completion.warmup import Warmer
from codewhisperer_lsp.model.generator import LOCAL, REMOTE


class WordTokens:
    """One token per word, and one per empty line."""

    def encode(self, text: str) -> list[int]:
        return [len(word) for word in text.split()] or [0]

    def decode(self, ids: list[int]) -> str:
        return " ".join("x" * n for n in ids)


def doc(lines: int) -> list[str]:
    return [f"line {n} a b c d e f g h" for n in range(lines)]  # 10 words, 11 tokens with its newline


def test_a_start_is_kept_while_the_cursor_moves_down_and_up_within_the_window():
    windows, tok, text = prompts.Windows(grid=8), WordTokens(), doc(400)
    first = windows.start_for("a", text[:200], tok, 550)  # 50 lines fit
    assert first % 8 == 0 and 150 <= first <= 200 - 30  # the new start leaves room below
    for cursor in (205, 210, 190, 199):  # moves of 5, then up
        assert windows.start_for("a", text[:cursor], tok, 550) == first
    moved = windows.start_for("a", text[:260], tok, 550)  # no longer fits: a new start
    assert moved > first
    assert windows.start_for("a", text[:200], tok, 550) == first  # back: the remembered start again


def test_a_start_far_above_the_cursor_is_not_kept_and_the_top_of_the_file_is_zero():
    windows, tok, text = prompts.Windows(grid=8), WordTokens(), doc(400)
    assert windows.start_for("a", text[:20], tok, 550) == 0
    far = windows.start_for("a", text[:300], tok, 550)
    assert far > 240
    assert windows.start_for("b", text[:300], tok, 550) == far  # the same place gives the same start


def test_the_prompt_built_from_a_kept_start_reuses_the_earlier_prompts_tokens():
    windows, tok, text = prompts.Windows(grid=8), WordTokens(), doc(400)
    full = "\n".join(text)

    def prompt_at(line: int) -> list[int]:
        prefix = full[: full.index(text[line])]
        start = windows.start_for("a", prefix.split("\n"), tok, 550)
        return prompts.build(tok, "<|fim_prefix|>{prefix}<|fim_suffix|>{suffix}<|fim_middle|>", "", prefix,
                             full[len(prefix):], False, 550, heal_tokens=False, start_line=start).ids

    before, after = prompt_at(200), prompt_at(206)
    assert after[:len(before) - 1] == before[:-1]  # only the lines in between are new


class FakeGenerator:
    abilities = LOCAL

    def __init__(self):
        self.computed: list[int] = []
        self.lock = threading.Lock()

    def warm(self, ids, stop, chunk=4):
        done = 0
        while not stop() and len(self.computed) < len(ids):
            with self.lock:
                step = ids[len(self.computed):len(self.computed) + chunk]
                self.computed.extend(step)
                done += len(step)
                time.sleep(0.005)
        return done


def wait_for(condition, timeout=2.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not condition():
        time.sleep(0.005)
    return condition()


def test_the_warm_up_waits_for_quiet_then_prefills_and_stops_for_a_request():
    warmer, generator = Warmer(quiet_s=0.05), FakeGenerator()
    warmer.activity()
    warmer.want(generator, lambda: [list(range(400))])
    assert not generator.computed  # the user just typed: not yet
    assert wait_for(lambda: len(generator.computed) > 0)
    warmer.begin()  # a request: the warm-up stops between chunks
    with generator.lock:
        held = len(generator.computed)
    time.sleep(0.05)
    assert len(generator.computed) <= held + 4 and len(generator.computed) < 400
    warmer.end()
    assert wait_for(lambda: len(generator.computed) == 400)
    assert wait_for(lambda: warmer.stats["finished"] == 1)


def test_a_newer_wish_replaces_the_older_and_an_engine_without_warm_up_is_skipped():
    warmer, generator = Warmer(quiet_s=0.0), FakeGenerator()
    remote = FakeGenerator()
    remote.abilities = REMOTE
    warmer.want(remote, lambda: [[1, 2, 3]])  # a remote engine: nothing to do
    assert warmer.stats["jobs"] == 0
    warmer.begin()
    warmer.want(generator, lambda: [list(range(1000))])
    warmer.want(generator, lambda: [[7, 8, 9]])
    warmer.end()
    assert wait_for(lambda: generator.computed == [7, 8, 9])


def test_a_larger_suffix_cap_shows_more_of_the_code_below_within_the_budgets_share():
    tok = WordTokens()
    below = "\n".join(doc(40))  # 440 tokens of code after the cursor
    template = "<pre>{prefix}<suf>{suffix}<mid>"

    def suffix_tokens(most):
        built = prompts.build(tok, template, "", "x = 1\n", below, use_fim=True, budget=1024, heal_tokens=False,
                              suffix_max=most)
        return len(tok.encode(built.text.split("<suf>", 1)[1]))

    assert suffix_tokens(None) <= prompts.SUFFIX_TOKENS_MAX + 1
    assert prompts.SUFFIX_TOKENS_MAX + 40 < suffix_tokens(200) <= 201
    assert suffix_tokens(10_000) <= 1024 // 4 + 1  # never more than the budget's share


def test_a_larger_suffix_cap_takes_only_what_the_budget_leaves_after_the_windows_prefix():
    tok = WordTokens()  # 10 tokens a line here (line breaks are free)
    prefix, below = "\n".join(doc(90)) + "\n", "\n".join(doc(40))

    def suffix_tokens(start_line):
        built = prompts.build(tok, "<pre>{prefix}<suf>{suffix}<mid>", "", prefix, below, use_fim=True,
                              budget=1024, heal_tokens=False, start_line=start_line, suffix_max=200)
        return len(tok.encode(built.text.split("<suf>", 1)[1]))

    assert 150 < suffix_tokens(20) <= 201  # 700 tokens kept above: room for the larger cap
    assert prompts.SUFFIX_TOKENS_MAX <= suffix_tokens(0) <= 1024 - 900 + 1  # 900 kept: what is left
