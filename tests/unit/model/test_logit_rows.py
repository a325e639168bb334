"""The graph with a `logits_from` input (models/logit_rows.py): the built models have it, the
generator loads it, and a prefill that asks for its last rows only gets exactly the numbers a
pass over every row gives, on both cache paths."""

from __future__ import annotations

import numpy as np
import pytest

from codewhisperer_lsp.model import artifacts, runtime
from codewhisperer_lsp.model.device import create_session
from codewhisperer_lsp.model.iobinding import BoundState, CopyingState, takes_rows

TEXT = "import os\n\n\ndef walk(root):\n    for folder, _, files in os.walk(root):\n        for name in files:\n"


def test_the_built_model_has_the_rows_graph_and_the_generator_loads_it(small_folder, small):
    assert artifacts.graph_file(small_folder).name == artifacts.ROWS_GRAPH
    assert artifacts.ROWS_GRAPH in artifacts.verify(small_folder, "").manifest["files"]
    assert small.state.takes_rows
    # the export's own graph is kept as it was: it has no such input
    plain, _ = create_session(small_folder / "model.onnx", "cpu", 0)
    assert not takes_rows(plain)


@pytest.mark.parametrize("kind", [BoundState, CopyingState])
def test_the_last_rows_are_the_numbers_of_a_whole_pass(small_folder, small, kind):
    session, provider = create_session(artifacts.graph_file(small_folder), "cpu", 0)
    ids = small.encode(TEXT * 4)
    states = [kind(session, provider, small.num_layers, small.kv_heads, small.head_size, small._kv_dtype,
                   small.context_length) for _ in range(2)]
    every = states[0].run(ids)
    last = states[1].run(ids, rows=runtime.PREFILL_ROWS)
    assert every.shape[0] == len(ids) and last.shape[0] == runtime.PREFILL_ROWS
    assert np.array_equal(last, every[-runtime.PREFILL_ROWS:])
    # the state written is the same too: the next token's logits agree
    nxt = small.encode(" print")[:1] * 2
    assert np.array_equal(states[0].run(nxt), states[1].run(nxt))


def test_a_prefill_asks_for_its_last_rows_and_decoding_for_every_row(small, monkeypatch, stop_ids):
    asked = []
    real = small.state.run
    monkeypatch.setattr(small.state, "run", lambda ids, rows=None: asked.append((len(ids), rows)) or real(ids, rows))
    small.cache.clear()
    small.state.truncate(0)
    small.generate(small.encode(TEXT * 6), runtime.Sampling(max_new_tokens=4), stop_ids)
    prefill = [rows for count, rows in asked if count > 8]
    assert prefill and all(rows == runtime.PREFILL_ROWS for rows in prefill)
    assert any(rows is None for _, rows in asked)  # decoding steps (or draft checks) take every row
