"""Cached chunks moved to other positions (model/rotary.py): the rotation is the model's own, the
chunks are found and placed, and a moved window computes only what is new. Real model."""

from __future__ import annotations

import numpy as np
import pytest

from codewhisperer_lsp.model.iobinding import CopyingState
from codewhisperer_lsp.model.rotary import Rotary, plan
from codewhisperer_lsp.model.runtime import OnnxGenerator, Sampling
from tests.unit.model.conftest import DEVICE
from tests.unit.model.samples import SAMPLES


def test_rotation_composes_and_inverts():
    rotary = Rotary.from_base(64, 1e6)
    keys = np.random.default_rng(0).standard_normal((1, 2, 5, 64)).astype(np.float32)
    np.testing.assert_allclose(rotary.rotate(rotary.rotate(keys, 37), -37), keys, atol=1e-5)
    np.testing.assert_allclose(rotary.rotate(rotary.rotate(keys, 30), 7), rotary.rotate(keys, 37), atol=1e-5)
    assert rotary.rotate(keys, 0) is keys


def test_plan_takes_the_longest_run():
    source = np.arange(100, dtype=np.int64)
    ids = np.concatenate([[7, 7], np.arange(40, 90), [5]]).astype(np.int64)
    assert plan(source, ids, 2, len(ids) - 1, 32) == [(2, 40, 50)]
    assert plan(source, ids, 30, len(ids) - 1, 32) == []  # fewer than 32 left


def test_plan_leaves_gaps_to_compute():
    source = np.arange(200, dtype=np.int64)
    ids = np.concatenate([[900, 901], np.arange(100, 140), [902, 903, 904], np.arange(10, 50), [905]]).astype(np.int64)
    assert plan(source, ids, 0, len(ids) - 1, 32) == [(2, 100, 40), (45, 10, 40)]


@pytest.fixture(scope="module")
def shifting(small_folder):
    return OnnxGenerator(small_folder, device=DEVICE, shift=True)


def first_layer_keys(gen: OnnxGenerator, ids: list[int]) -> np.ndarray:
    state = CopyingState(gen.session, gen.provider, gen.num_layers, gen.kv_heads, gen.head_size,
                         gen._kv_dtype, gen.context_length)
    state.run(ids)
    return np.asarray(state.snapshot()[0], dtype=np.float32)[0]  # (heads, tokens, head_size)


def test_measured_rotation_moves_first_layer_keys(shifting):
    """The first layer's keys depend on the token and its position only: the keys of the same
    tokens after a longer lead-in are the cached ones rotated by the difference."""
    assert shifting.rotary is not None
    body = shifting.encode(SAMPLES["fib.py"])[:40]
    short, long = shifting.encode("# a\n"), shifting.encode("# a longer lead-in before the same code\n")
    at_short = first_layer_keys(shifting, short + body)[:, len(short):]
    at_long = first_layer_keys(shifting, long + body)[:, len(long):]
    moved = shifting.rotary.rotate(at_short[None], len(long) - len(short))[0]
    scale = float(np.abs(at_long).max())
    assert float(np.abs(moved - at_long).max()) <= 1e-3 * scale
    assert float(np.abs(at_short - at_long).max()) > 1e-1 * scale  # without the rotation they differ


def test_a_moved_window_reuses_the_overlap(shifting, stop_ids):
    """A prompt whose lines were computed at other positions before (after another lead-in) computes
    only the rest."""
    from codewhisperer_lsp.model.runtime import Sampling

    lines = (SAMPLES["py"] + "\n" + SAMPLES["fib.py"]).split("\n")
    old = shifting.encode("<|fim_prefix|># one lead-in\n" + "\n".join(lines[0:]) + "\n<|fim_suffix|><|fim_middle|>")
    new = shifting.encode("<|fim_prefix|># another lead-in here\n" + "\n".join(lines[6:]) + "\n<|fim_suffix|><|fim_middle|>")
    shifting.cache.clear()
    shifting.state.truncate(0)
    shifting.generate(old, Sampling(max_new_tokens=2), stop_ids)
    before = shifting.stats["shifted_tokens"]
    result = shifting.generate(new, Sampling(max_new_tokens=2), stop_ids)
    moved = shifting.stats["shifted_tokens"] - before
    assert moved >= len(new) - 24 and result.reused_tokens >= moved


def test_requests_mode_moves_chunks_only_where_the_caller_allows(shifting, stop_ids):
    """shift='requests' (the shift-manual lever): a plain call and a warm-up compute the moved
    window again; a call inside chunks_may_move() (a manual trigger) reuses it."""
    from codewhisperer_lsp.model.generator import chunks_may_move

    lines = (SAMPLES["py"] + "\n" + SAMPLES["fib.py"]).split("\n")
    old = shifting.encode("<|fim_prefix|># one lead-in\n" + "\n".join(lines) + "\n<|fim_suffix|><|fim_middle|>")
    new = shifting.encode("<|fim_prefix|># another lead-in here\n" + "\n".join(lines[6:]) + "\n<|fim_suffix|><|fim_middle|>")

    def moved_by(call) -> int:
        shifting.cache.clear()
        shifting.state.truncate(0)
        shifting.generate(old, Sampling(max_new_tokens=2), stop_ids)
        before = shifting.stats["shifted_tokens"]
        call()
        return shifting.stats["shifted_tokens"] - before

    shifting.shift = "requests"
    try:
        assert moved_by(lambda: shifting.generate(new, Sampling(max_new_tokens=2), stop_ids)) == 0
        assert moved_by(lambda: shifting.warm(new, lambda: False)) == 0
        with chunks_may_move():
            assert moved_by(lambda: shifting.warm(new, lambda: False)) == 0  # a warm-up never moves chunks
            assert moved_by(lambda: shifting.generate(new, Sampling(max_new_tokens=2), stop_ids)) >= len(new) - 24
    finally:
        shifting.shift = "all"


def test_shift_mode_is_checked():
    from codewhisperer_lsp.levers import shift_mode

    assert shift_mode(frozenset({"regions", "shift"})) == "all"
    assert shift_mode(frozenset({"shift-manual"})) == "requests"
    assert shift_mode(frozenset({"regions", "warm"})) == "off"
