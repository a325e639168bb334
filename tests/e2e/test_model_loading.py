"""Before the model is ready: a manual trigger waits for the load (bounded, the status shows it)
instead of answering nothing; an automatic trigger answers at once, with nothing."""

from __future__ import annotations

import time

import pytest

from tests.e2e.rawclient import RawServer, ask, statuses
from tests.unit.model.conftest import LARGE

DOC = ("file:///w/loading/app.py", "python", "def fibonacci(n):\n    ")


def _complete(server: RawServer, kind: int) -> tuple[list, float]:
    uri, _, text = DOC
    started = time.monotonic()
    answer = ask(server, "textDocument/inlineCompletion", {
        "textDocument": {"uri": uri}, "position": {"line": 1, "character": 4}, "context": {"triggerKind": kind}})
    return answer["result"]["items"], time.monotonic() - started


@pytest.mark.model
def test_the_first_manual_trigger_after_start_waits_for_the_model(tmp_path):
    # the larger model takes seconds to load: both requests surely arrive while it loads
    server = RawServer(env={"CODEWHISPERER_STATE_DIR": str(tmp_path)})
    try:
        server.initialize({"codewhisperer": {"model": LARGE, "numSuggestions": 1, "maxNewTokens": 24}})
        uri, language, text = DOC
        server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": language, "version": 1,
                                                                "text": text}})
        automatic, automatic_s = _complete(server, 2)
        assert automatic == [] and automatic_s < 5
        assert not any(s["state"] == "ready" for s in statuses(server)), "the model loaded before the test could ask"
        assert any(s["state"] == "loading" for s in statuses(server))
        manual, _ = _complete(server, 1)
        assert manual and manual[0]["insertText"].strip(), manual
        assert any(s["state"] == "ready" for s in statuses(server)), "answered before the model was ready"
        assert server.alive() and server.stray == b""
    finally:
        server.close()
