"""A manual trigger reuses cached chunks at other positions (the default `shift-manual` lever): its
prefix-only prompt holds the fill-in-the-middle prompt's lines one token further left, so they are
moved, not computed again. An automatic trigger never moves chunks. Real model."""

from __future__ import annotations

import pytest

from codewhisperer_lsp.completion.service import CompletionRequest, CompletionService
from codewhisperer_lsp.config import Settings
from codewhisperer_lsp.levers import DEFAULT_LEVERS
from tests.unit.completion.conftest import ready_engine

pytestmark = pytest.mark.model

BEFORE = '''def running_totals(values):
    """Each element is the sum of the values up to and including it."""
    totals = []
    current = 0
    for value in values:
        current += value
'''
AFTER = '''
    return totals


def mean(values):
    """The arithmetic mean of a non-empty list."""
    return sum(values) / len(values)
'''


@pytest.fixture(scope="module")
def engine():
    return ready_engine()


def shifted_by(engine, service: CompletionService, invoked: bool) -> tuple[int, list[str]]:
    generator = engine.generator()
    generator.cache.clear()
    generator.state.truncate(0)
    service.forget("file:///project/totals.py")
    text = BEFORE + "        " + AFTER
    before = generator.stats["shifted_tokens"]
    result = service.complete(CompletionRequest("file:///project/totals.py", "python", text, 1,
                                                len(BEFORE) + 8, invoked), Settings())
    return generator.stats["shifted_tokens"] - before, result.items


def test_the_default_moves_chunks_for_a_manual_trigger_only(engine):
    assert "shift-manual" in DEFAULT_LEVERS
    assert engine.generator().shift == "requests"
    service = CompletionService(engine)
    moved, items = shifted_by(engine, service, invoked=True)
    assert moved >= 32 and items  # the prefix-only prompt's lines came from the fill-in-the-middle one
    moved, _ = shifted_by(engine, service, invoked=False)
    assert moved == 0
