"""Golden tests for the completion pipeline: the cursor is marked with <|> in the source."""

from __future__ import annotations

import pytest

from codewhisperer_lsp.completion.situation import Situation, situate_marked
from codewhisperer_lsp.model.engine import ModelEngine


def at(language_id: str, marked: str) -> Situation:
    return situate_marked(language_id, marked)


def ready_engine() -> ModelEngine:
    """The default model on the CPU, loaded; the test fails if it does not load."""
    model = ModelEngine()
    model.configure("", "", "cpu", 0)
    status = model.wait(300)
    if status.state != "ready":
        pytest.fail(f"the default model is not ready: {status.message}")
    return model
