"""The 1.5B model with the 0.5B as its draft: exactly the 1.5B's greedy output. Real models; the
1.5B is built with `codewhisperer-lsp model build --name qwen2.5-coder-1.5b-instruct`."""

from __future__ import annotations

import pytest

from codewhisperer_lsp.model.runtime import OnnxGenerator, Sampling
from tests.unit.model.conftest import DEVICE, LARGE, SMALL, built
from tests.unit.model.samples import SAMPLES
from tests.unit.model.test_exact_decoding import plain_greedy


@pytest.fixture(scope="module")
def large():
    folder = built(LARGE)
    if folder is None:
        pytest.fail(f"{LARGE} is not built: run the README's test command, or "
                    f"codewhisperer-lsp model build --name {LARGE}")
    return OnnxGenerator(folder, device=DEVICE)


def test_small_draft_gives_large_greedy_output(large, small, stop_ids):
    large.attach_draft(small)
    try:
        for name in ("py", "js"):
            ids = large.encode(f"<|file_sep|>sample.{name}\n" + SAMPLES[name])
            want = plain_greedy(large, ids, stop_ids)
            got = large.generate(ids, Sampling(max_new_tokens=40), stop_ids)
            assert got.token_ids == want.token_ids, name
            assert got.timings["accepted"] > 0  # the draft's guesses were really used
    finally:
        large.attach_draft(None)
        small.cache.clear()
        small.state.truncate(0)


def test_draft_must_share_the_tokenizer(large, small):
    class Other:
        class tokenizer:
            @staticmethod
            def get_vocab_size(with_added_tokens=True):
                return 32000

    with pytest.raises(ValueError):
        large.attach_draft(Other())


def test_the_engine_gives_the_large_model_the_small_one_as_its_draft(large, monkeypatch):
    from codewhisperer_lsp.model import engine as engines
    from codewhisperer_lsp.model.engine import ModelEngine

    monkeypatch.setattr(engines, "draft_wanted", lambda *args: None)  # not measured on this machine
    engine = ModelEngine()
    engine.configure(LARGE, "", DEVICE, 0)
    status = engine.wait(600)
    assert status.state == "ready", status.message
    assert "drafting with" in status.message and SMALL in status.message
    assert engine.generator().draft is not None


def test_the_engine_leaves_the_draft_out_where_this_machine_measured_lookup_faster(large, monkeypatch):
    from codewhisperer_lsp.model import engine as engines
    from codewhisperer_lsp.model.engine import ModelEngine

    monkeypatch.setattr(engines, "draft_wanted", lambda *args: False)
    engine = ModelEngine()
    engine.configure(LARGE, "", DEVICE, 0)
    status = engine.wait(600)
    assert status.state == "ready", status.message
    assert "drafting with" not in status.message
    assert engine.generator().draft is None and engine.generator().speculate
