"""Line candidates ranked by how well the following code fits, and first-token branches."""

from __future__ import annotations

import numpy as np

from codewhisperer_lsp.completion import rerank
from codewhisperer_lsp.completion.prompt import Healer
from codewhisperer_lsp.model.generator import LOCAL, REMOTE


def test_following_splits_the_rest_of_the_line_from_the_lines_to_score():
    assert rerank.following("\n    return x\n") == ("\n", "    return x\n")
    assert rerank.following(")\n\n\n    y = 2\n    z = 3\n") == (")\n\n\n", "    y = 2\n    z = 3\n")
    lines = "".join(f"    a{i} = {i}\n" for i in range(9))
    assert rerank.following("\n" + lines)[1].count("\n") == rerank.FOLLOWING_LINES
    assert rerank.following("") is None
    assert rerank.following("   ") is None  # the end of the file: nothing to fit
    assert rerank.following("\n\n   \n") is None


class _Scorer:
    """Stands in for the generator: scores by whether the context mentions a word."""

    abilities = LOCAL

    def __init__(self, likes: str):
        self.likes, self.calls = likes, []

    def encode(self, text: str) -> list[str]:
        return list(text)

    def continuation_logprob(self, context, continuation, cancelled=lambda: False, floor=None) -> float:
        text = "".join(context)
        self.calls.append((text, "".join(continuation)))
        return -1.0 if self.likes in text else -9.0


def test_scores_put_each_item_between_the_text_before_and_the_following_lines():
    scorer = _Scorer("result = 0")
    by = rerank.scores(scorer, "def f(xs):\n    ", ["return 1", "result = 0"], "\n    for x in xs:\n")
    assert scorer.calls[1] == ("def f(xs):\n    result = 0\n", "    for x in xs:\n")
    assert rerank.ranked(["return 1", "result = 0"], by) == ["result = 0", "return 1"]


def test_nothing_to_rank_keeps_the_order():
    scorer = _Scorer("x")
    assert rerank.scores(scorer, "a", ["1", "2"], "") is None
    assert rerank.scores(scorer, "a", ["1"], "\nb\n") is None  # one item: nothing to order
    remote = _Scorer("x")
    remote.abilities = REMOTE
    assert rerank.scores(remote, "a", ["1", "2"], "\nb\n") is None  # a remote engine: no scores
    assert remote.calls == []
    assert rerank.ranked(["b", "a"], None) == ["b", "a"]
    assert rerank.ranked(["b", "a", "c"], {"a": -1.0, "b": -1.0, "c": 0.0}) == ["c", "b", "a"]  # ties stable


# Token table for the branch tests: ids 0..7 are text tokens, 8 is a special token.
TEXTS = ["    ", "   ", "    return", "    if", "return", "if", "for", " ", "<|endoftext|>"]


def _healer():
    return Healer(TEXTS, first_special=8)


def _decode(ids):
    return "".join(TEXTS[i] for i in ids)


def _logits(order):
    """Logits that rank the token ids in `order` first to last."""
    logits = np.full(len(TEXTS), -5.0, dtype=np.float32)
    for rank, token in enumerate(order):
        logits[token] = 10.0 - rank
    return logits


def _choice(constrain, generated, logits):
    out = constrain(generated, logits)
    finite = np.flatnonzero(np.isfinite(out))
    return int(finite[np.argmax(out[finite])])


def test_a_branch_skips_tokens_that_only_spell_the_healed_text():
    logits = _logits([2, 0, 1, 3, 4])  # `    return` first, then pure indentation, then `    if`
    assert _choice(_healer().branch("    ", _decode, 1), [], logits) == 3
    assert _choice(_healer().branch("    ", _decode, 0), [], logits) == 2


def test_a_branch_waits_until_the_healed_text_is_written():
    # the likeliest first token is the indentation alone: the choice of code comes one step later
    constrain = _healer().branch("    ", _decode, 1)
    assert _choice(constrain, [], _logits([0, 2, 3])) == 0
    assert _choice(constrain, [0], _logits([4, 5, 6])) == 5  # `if` instead of `return`
    assert _choice(constrain, [0, 5], _logits([7, 4])) == 7  # greedy again after the branch


def test_a_branch_never_picks_a_special_token_and_gives_up_when_short_of_choices():
    logits = _logits([4, 8, 5])
    assert _choice(_healer().branch("", _decode, 1), [], logits) == 5  # <|endoftext|> is not code
    only = np.full(len(TEXTS), -np.inf, dtype=np.float32)
    only[4] = 1.0
    assert _choice(_healer().branch("", _decode, 2), [], only) == 4  # the greedy token again


def test_each_item_is_scored_against_the_best_so_far():
    class Bounded(_Scorer):
        def __init__(self):
            super().__init__("")
            self.floors = []

        def continuation_logprob(self, context, continuation, cancelled=lambda: False, floor=None) -> float:
            self.floors.append(floor)
            return {"a": -5.0, "b": -2.0, "c": -7.0}["".join(context).split("|")[1][0]]

    scorer = Bounded()
    by = rerank.scores(scorer, "x|", ["a", "b", "c"], "\n    y\n")
    assert scorer.floors == [None, -5.0, -2.0]  # the first sets the bar, a better one raises it
    assert rerank.ranked(["a", "b", "c"], by) == ["b", "a", "c"]
