"""Consecutive keystrokes reuse the model state of the unchanged prompt; switching documents
and back restores a saved state; outputs are the same as computed from scratch. Real model."""

from __future__ import annotations

import pytest

from codewhisperer_lsp.completion import prompt as prompts
from codewhisperer_lsp.model.registry import get_model
from codewhisperer_lsp.model.runtime import Sampling
from tests.unit.model.conftest import SMALL
from tests.unit.model.samples import SAMPLES

SPEC = get_model(SMALL)


def keystroke_prompts(gen, text: str, typed: str, use_fim: bool):
    at = len(text) - len(text.split("\n")[-1])
    out = []
    for i in range(1, len(typed) + 1):
        prefix, suffix = text[:at] + typed[:i], "\n\n" + SAMPLES["fib.py"]
        out.append(prompts.build(gen, SPEC.fim_template, "<|file_sep|>shapes.py\n", prefix, suffix,
                                 use_fim=use_fim, budget=1024))
    return out


def fresh(gen, ids, stop_ids):
    gen.cache.clear()
    gen.state.truncate(0)
    return gen.generate(ids, Sampling(max_new_tokens=8), stop_ids)


def test_keystrokes_prefill_only_new_tokens(small, stop_ids):
    typed = "    def area(self)"
    for use_fim in (False, True):
        steps = keystroke_prompts(small, SAMPLES["py"], typed, use_fim)
        small.cache.clear()
        small.state.truncate(0)
        results = [small.generate(p.ids, Sampling(max_new_tokens=8), stop_ids) for p in steps]
        assert results[0].reused_tokens == 0
        for p, r in zip(steps[1:], results[1:]):
            suffix_tokens = len(small.encode(p.text.split("<|fim_suffix|>")[1])) + 1 if use_fim else 0
            assert r.reused_tokens >= len(p.ids) - suffix_tokens - 6, (use_fim, r.reused_tokens, len(p.ids))
        ratio = sum(r.reused_tokens for r in results[1:]) / sum(len(p.ids) for p in steps[1:])
        print(f"reuse ratio ({'fim' if use_fim else 'prefix'}): {ratio:.2f}")
        assert ratio > (0.6 if use_fim else 0.9)
        # the reused state gives what a fresh computation gives
        assert fresh(small, steps[-1].ids, stop_ids).token_ids == results[-1].token_ids


def test_switching_documents_restores_saved_state(small, stop_ids):
    a = small.encode("<|file_sep|>a.go\n" + SAMPLES["go"])
    b = small.encode("<|file_sep|>b.js\n" + SAMPLES["js"])
    small.cache.clear()
    small.state.truncate(0)
    small.generate(a, Sampling(max_new_tokens=4), stop_ids)
    small.generate(b, Sampling(max_new_tokens=4), stop_ids)
    back = small.generate(a + small.encode("\treturn"), Sampling(max_new_tokens=4), stop_ids)
    assert back.reused_tokens >= len(a) - 1
    assert small.cache.nbytes <= small.cache.max_bytes
    assert len(small.cache) >= 1


def test_cpu_worker_threads_sleep_instead_of_spinning(small):
    """Spinning threads take the cores the editor and other jobs share (docs/SPEED.md)."""
    if small.provider != "CPUExecutionProvider":
        pytest.skip("only the CPU provider's worker threads spin")
    options = small.session.get_session_options()
    assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"
