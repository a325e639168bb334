"""A jump into a cold region of a long file answers from a short window; the full window is then
prefilled while the user reads and serves the next request there; a move within the region
computes only the lines in between. The real model (in process), a generated long Python file."""

from __future__ import annotations

import time

import pytest

from codewhisperer_lsp.completion import service as service_mod
from codewhisperer_lsp.completion.service import CompletionRequest, CompletionService
from codewhisperer_lsp.config import Settings
from tests.unit.completion.conftest import ready_engine

SETTINGS = Settings(crossFileContext=False, maxPromptTokens=512)  # a smaller window: quicker on a busy machine
URI = "file:///project/long.py"


def long_file(functions: int = 60) -> str:
    parts = []
    for n in range(functions):
        parts.append(f"def scale_{n}(values, factor={n}):\n    \"\"\"Multiply each value by {n}.\"\"\"\n"
                     f"    result = []\n    for value in values:\n        result.append(value * factor)\n"
                     f"    return result\n\n")
    return "".join(parts)


@pytest.fixture(scope="module")
def engine():
    return ready_engine()


def ask(service: CompletionService, text: str, line: int, typed: str = ""):
    lines = text.split("\n")
    indent = lines[line][: len(lines[line]) - len(lines[line].lstrip())]
    lines[line] = indent + typed
    edited = "\n".join(lines)
    offset = sum(len(row) + 1 for row in lines[:line]) + len(lines[line])
    request = CompletionRequest(URI, "python", edited, 1, offset, False)
    return service.complete(request, SETTINGS), edited


def wait_warm(service: CompletionService, timeout: float = 300.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and service.warmer._job is not None:
        time.sleep(0.05)


def test_a_cold_jump_answers_from_a_short_window_then_the_region_is_warm(engine, monkeypatch):
    monkeypatch.setenv("CODEWHISPERER_SPEED_LEVERS", "regions,quick,warm")  # quick is opt-in
    service = CompletionService(engine)
    engine.generator().cache.clear()
    text = long_file()
    far = text.split("\n").index("def scale_40(values, factor=40):") + 2  # "    result = []"
    first, edited = ask(service, text, far)
    assert first.timings["quick_window"] is True
    assert first.timings["prompt_tokens"] - first.timings["reused_tokens"] <= service_mod.QUICK_TOKENS + 64
    service.changed(URI, lambda: text)  # the line written back; the user reads
    wait_warm(service)
    assert service.warmer._job is None  # the warm-up finished
    below, _ = ask(service, text, far + 3, "ret")  # "    return result", three lines down
    assert not below.timings.get("quick_window")  # the full window, warm now
    assert below.timings["prompt_tokens"] > 300
    assert below.timings["prompt_tokens"] - below.timings["reused_tokens"] <= 80
    assert below.items and below.items[0].startswith("urn")


def test_without_the_levers_the_same_jump_computes_the_whole_window(engine, monkeypatch):
    monkeypatch.setenv("CODEWHISPERER_SPEED_LEVERS", "")
    service = CompletionService(engine)
    engine.generator().cache.clear()
    text = long_file()
    far = text.split("\n").index("def scale_30(values, factor=30):") + 2
    first, _ = ask(service, text, far)
    assert "quick_window" not in first.timings
    assert first.timings["prompt_tokens"] - first.timings["reused_tokens"] > 300
