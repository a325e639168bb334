"""No fail-open at start: while the reference index cannot answer (here: a cache with no index, so
the server is building it), an organization that refuses code with references gets suggestions
long enough to match held back, and is told once why; a user's own setting alone keeps showing
them unchecked. A policy file with a wrong-typed or unknown key is reported, not silently ignored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.rawclient import RawServer, ask
from tests.e2e.test_faults import linked_cache, messages, open_doc, wait_state

# a function body to write: long enough to reach the matcher's shortest copied run
DOC = ("file:///w/hold/stats.py", "python",
       "def mean_and_variance(values):\n    \"\"\"Return the mean and the population variance of values.\"\"\"\n    ")
HELD = "held back until the reference index is ready"


def _server(tmp_path: Path, name: str, policy: dict | None, options: dict) -> RawServer:
    cache = tmp_path / name / "cache"
    linked_cache(cache, copy_index=False)  # the model, but no reference index yet
    env = {"CODEWHISPERER_CACHE_DIR": str(cache), "CODEWHISPERER_STATE_DIR": str(tmp_path / name / "state")}
    if policy is not None:
        path = tmp_path / name / "policy.json"
        path.write_text(json.dumps(policy))
        env["CODEWHISPERER_POLICY_FILE"] = str(path)
    server = RawServer(env=env)
    server.initialize({"codewhisperer": {"numSuggestions": 1, "maxNewTokens": 64, **options}})
    wait_state(server, "ready", 0)
    open_doc(server, DOC)
    return server


def _complete(server: RawServer) -> list:
    answer = ask(server, "textDocument/inlineCompletion", {
        "textDocument": {"uri": DOC[0]}, "position": {"line": 2, "character": 4}, "context": {"triggerKind": 1}})
    return answer["result"]["items"]


def _shown(server: RawServer) -> list[str]:
    """What the user was shown (window/showMessage; the log copies in window/logMessage aside)."""
    return [n["params"]["message"] for n in server.notifications if n["method"] == "window/showMessage"]


def _gate(server: RawServer) -> dict:
    return ask(server, "codewhisperer/getMetrics", {})["result"]["gate"]


@pytest.mark.model
def test_an_organization_refusing_references_gets_long_suggestions_held_while_the_index_builds(tmp_path):
    server = _server(tmp_path, "org", {"includeSuggestionsWithCodeReferences": False, "colectMetrics": False}, {})
    try:
        said = messages(server)
        assert "unknown key 'colectMetrics'" in said, said  # the admin's typo is reported
        assert _complete(server) == []
        assert _complete(server) == []
        assert _gate(server)["heldUnchecked"] >= 2
        assert sum(HELD in message for message in _shown(server)) == 1, "told once why"
        assert server.alive()
    finally:
        server.close()


@pytest.mark.model
def test_a_users_own_refusal_alone_shows_them_unchecked_as_before(tmp_path):
    server = _server(tmp_path, "user", None, {"includeSuggestionsWithCodeReferences": False})
    try:
        items = _complete(server)
        assert items and len(items[0]["insertText"]) > 40, items
        assert _gate(server)["heldUnchecked"] == 0 and not any(HELD in message for message in _shown(server))
    finally:
        server.close()
