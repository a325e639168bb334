"""Choosing the default model per machine from measurements."""

import pytest

from codewhisperer_lsp.model.selection import Measurement, choose_default

BEST_FIRST = ["qwen2.5-coder-1.5b-instruct", "qwen2.5-coder-0.5b-instruct"]


def test_better_model_when_it_meets_the_target():
    ms = [Measurement("qwen2.5-coder-0.5b-instruct", 150), Measurement("qwen2.5-coder-1.5b-instruct", 320, draft="qwen2.5-coder-0.5b-instruct")]
    assert choose_default(ms, BEST_FIRST).model == "qwen2.5-coder-1.5b-instruct"


def test_small_model_when_the_better_one_is_too_slow():
    ms = [Measurement("qwen2.5-coder-0.5b-instruct", 150), Measurement("qwen2.5-coder-1.5b-instruct", 900)]
    assert choose_default(ms, BEST_FIRST).model == "qwen2.5-coder-0.5b-instruct"


def test_gpu_takes_the_better_model_and_fastest_when_none_meets_target():
    assert choose_default([Measurement("qwen2.5-coder-0.5b-instruct", 50, "cuda"),
                           Measurement("qwen2.5-coder-1.5b-instruct", 400, "cuda")], BEST_FIRST).model == BEST_FIRST[0]
    slow = [Measurement("qwen2.5-coder-0.5b-instruct", 500), Measurement("qwen2.5-coder-1.5b-instruct", 900)]
    assert choose_default(slow, BEST_FIRST).model == "qwen2.5-coder-0.5b-instruct"
    with pytest.raises(ValueError):
        choose_default([], BEST_FIRST)
