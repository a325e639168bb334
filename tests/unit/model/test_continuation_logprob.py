"""Scoring a continuation with the real model: the same figure with the context's state reused
or computed from scratch, the greedy continuation scored as its own log-probabilities, and code
that fits scored above code that does not."""

from __future__ import annotations

import numpy as np
import pytest

from codewhisperer_lsp.model.runtime import Sampling

CONTEXT = "def total(prices):\n    result = 0\n    for price in prices:\n"


def _fresh(gen):
    gen.cache.clear()
    gen.state.truncate(0)


def test_reused_state_gives_the_same_score(small):
    context, continuation = small.encode(CONTEXT), small.encode("        result += price\n    return result\n")
    _fresh(small)
    cold = small.continuation_logprob(context, continuation)
    small.continuation_logprob(context + small.encode("        pass\n"), continuation)  # move the state away
    warm = small.continuation_logprob(context, continuation)  # context reused, not recomputed
    assert cold < 0
    assert warm == pytest.approx(cold, abs=1e-3)


def test_greedy_tokens_are_scored_with_their_own_probabilities(small, stop_ids):
    context = small.encode(CONTEXT)
    _fresh(small)
    generation = small.generate(context, Sampling(max_new_tokens=6, temperature=0.0), stop_ids)
    score = small.continuation_logprob(context, generation.token_ids)
    # greedy picks each step's likeliest token: its log-probability is at least log(1/vocab)
    # and the sum is bounded by 0; a token forced against the model's choice scores far lower
    assert -6 * np.log(len(small.token_texts)) < score <= 0
    forced = list(generation.token_ids)
    forced[0] = small.encode(" zebra")[0]
    assert small.continuation_logprob(context, forced) < score - 3


def test_code_that_fits_scores_higher(small):
    following = small.encode("    return result\n")
    fits = small.continuation_logprob(small.encode(CONTEXT + "        result += price\n"), following)
    breaks = small.continuation_logprob(small.encode(CONTEXT + "        print('hello')\n"), following)
    assert fits > breaks


def test_empty_inputs_are_refused(small):
    with pytest.raises(ValueError):
        small.continuation_logprob([], [1])
    with pytest.raises(ValueError):
        small.continuation_logprob([1], [])


def test_a_floor_stops_a_score_that_cannot_win_and_changes_none_that_can(small, monkeypatch):
    from codewhisperer_lsp.model import runtime

    context = small.encode(CONTEXT)
    continuation = small.encode("        result += price\n    return result\n\n\n"
                                "def average(prices):\n    return total(prices) / len(prices)\n\n\n"
                                "print(total([1, 2, 3]), average([4, 5, 6]))\n")
    assert len(continuation) > 2 * runtime.SCORE_CHUNK
    _fresh(small)
    whole = small.continuation_logprob(context, continuation)
    _fresh(small)
    assert small.continuation_logprob(context, continuation, floor=whole - 1) == pytest.approx(whole, abs=1e-3)
    counted = []
    real_run = small._run
    monkeypatch.setattr(small, "_run", lambda tokens, rows=None: counted.append(len(tokens)) or real_run(tokens, rows))
    _fresh(small)
    stopped = small.continuation_logprob(context, continuation, floor=0.0)  # every sum is below 0: stop at once
    assert stopped >= whole - 1e-3  # a partial sum: an upper bound of the whole
    assert stopped < 0.0
    assert sum(counted) < len(context) + len(continuation) - 1  # the continuation was not run through
