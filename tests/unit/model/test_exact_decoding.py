"""Faster decoding must not change a single token: IO-bound shared buffers give the same logits
as the copying path, and speculative decoding (prompt lookup, or the small model as its own draft)
gives exactly the plain greedy output. All with the real default model."""

from __future__ import annotations

import numpy as np
import pytest

from codewhisperer_lsp.model.iobinding import BoundState, CopyingState
from codewhisperer_lsp.model.runtime import OnnxGenerator, Sampling
from tests.unit.model.conftest import DEVICE
from tests.unit.model.samples import SAMPLES

MAX_NEW = 40


def state_args(gen: OnnxGenerator):
    return (gen.session, gen.provider, gen.num_layers, gen.kv_heads, gen.head_size, gen._kv_dtype, gen.context_length)


def plain_greedy(gen: OnnxGenerator, ids: list[int], stop_ids, **kwargs):
    """The reference: the copying path, no drafts, nothing reused."""
    saved = gen.state, gen.speculate, gen.draft
    gen.state, gen.speculate, gen.draft = CopyingState(*state_args(gen)), False, None
    try:
        gen.cache.clear()
        return gen.generate(ids, Sampling(max_new_tokens=MAX_NEW), stop_ids, **kwargs)
    finally:
        gen.state, gen.speculate, gen.draft = saved
        gen.cache.clear()
        gen.state.truncate(0)


@pytest.fixture(scope="module")
def prompts(small):
    return {name: small.encode(f"<|file_sep|>sample.{name}\n" + text) for name, text in SAMPLES.items()}


@pytest.mark.parametrize("device_values", [False, True])
def test_shared_buffers_match_copying_path(small, prompts, device_values):
    ids = prompts["py"]
    bound = BoundState(*state_args(small), device_values=device_values)
    plain = CopyingState(*state_args(small))
    got = [bound.run(ids[:100]), bound.run(ids[100:])]
    want = [plain.run(ids[:100]), plain.run(ids[100:])]
    for step in range(3):
        token = int(np.argmax(want[-1][-1]))
        assert token == int(np.argmax(got[-1][-1]))
        got.append(bound.run([token]))
        want.append(plain.run([token]))
    got, want = np.concatenate(got), np.concatenate(want)
    assert np.abs(got - want).max() <= 1e-3 * np.abs(want).max()
    # taking tokens back and restoring a snapshot give the same state again
    snap = bound.snapshot(50)
    bound.truncate(60)
    np.testing.assert_allclose(bound.run(ids[60:62]), want[60:62], atol=1e-3 * np.abs(want).max())
    bound.restore(ids[:50], snap)
    np.testing.assert_allclose(bound.run(ids[50:52]), want[50:52], atol=1e-3 * np.abs(want).max())
    # growing the buffers keeps the state
    bound.reserve(bound.capacity + 1)
    np.testing.assert_allclose(bound.run(ids[52:54]), want[52:54], atol=1e-3 * np.abs(want).max())


def test_default_generator_uses_shared_buffers(small):
    assert isinstance(small.state, BoundState)


def test_prompt_lookup_output_is_plain_greedy(small, prompts, stop_ids):
    accepted = 0
    for name, ids in prompts.items():
        want = plain_greedy(small, ids, stop_ids)
        got = small.generate(ids, Sampling(max_new_tokens=MAX_NEW), stop_ids)
        assert got.token_ids == want.token_ids, name
        assert got.stop_reason == want.stop_reason
        accepted += got.timings["accepted"]
    assert accepted > 0  # drafts were really taken, not just rejected


def test_greedy_is_the_whole_sequence_argmax(small, stop_ids):
    """Each generated token is the argmax of a fresh whole-sequence pass over prompt + output so
    far: reuse, drafts and single-token steps change nothing."""
    ids = small.encode("<|file_sep|>fib.py\n" + SAMPLES["fib.py"])
    small.generate(ids[:-3], Sampling(max_new_tokens=2), stop_ids)  # leave a state to reuse
    got = small.generate(ids, Sampling(max_new_tokens=12), stop_ids)
    assert got.reused_tokens > 0 and len(got.token_ids) == 12
    for i, token in enumerate(got.token_ids):
        fresh = CopyingState(*state_args(small))
        assert int(np.argmax(fresh.run(ids + got.token_ids[:i])[-1])) == token, i


def test_speculation_keeps_constraint_and_stop_rule(small, prompts, stop_ids):
    from codewhisperer_lsp.completion.prompt import Healer

    healer = Healer(small.token_texts, min(stop_ids))
    ids = small.encode("<|file_sep|>sample.py\n" + SAMPLES["py"] + "        return {\"wid")
    *head, healed_id = ids
    constrain = healer.constraint(small.decode([healed_id]), small.decode)

    def two_lines(text: str) -> bool:
        return text.count("\n") >= 2

    want = plain_greedy(small, head, stop_ids, stop_text=two_lines, constrain=constrain)
    got = small.generate(head, Sampling(max_new_tokens=MAX_NEW), stop_ids, stop_text=two_lines, constrain=constrain)
    assert got.token_ids == want.token_ids and got.stop_reason == "stop_text"
    assert got.text.startswith(small.decode([healed_id]))


def test_small_model_as_its_own_draft_is_plain_greedy(small, small_folder, prompts, stop_ids):
    draft = OnnxGenerator(small_folder, device=DEVICE)
    small.attach_draft(draft)
    try:
        for name in ("py", "go"):
            want = plain_greedy(small, prompts[name], stop_ids)
            got = small.generate(prompts[name], Sampling(max_new_tokens=MAX_NEW), stop_ids)
            assert got.token_ids == want.token_ids, name
            # the same weights agree with themselves almost always
            assert got.timings["accepted"] >= 0.8 * got.timings["drafted"] > 0
    finally:
        small.attach_draft(None)
