"""How the assistant behaves in the hand, over LSP with the real model: pause and resume (kept across
a restart), typeahead without the model, superseded and cancelled requests, stale versions, accept
tracking and the local metrics.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time

import pytest
import pytest_asyncio
from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.e2e.conftest import cursor_of, open_doc, server_env
from tests.e2e.interaction_helpers import (command, erase, insert, metrics, running_server, send_complete,
                                           timed_complete)

OPTIONS = {"codewhisperer": {"numSuggestions": 1, "debounceMs": 100}}
LONG_BLOCK = ('import math\n\n\ndef describe(values):\n'
              '    """Return a multi-line report: count, mean, median, variance, standard deviation,\n'
              '    minimum, maximum, range and the sorted values, one per line."""\n    <|>\n')
MEASURED: dict[str, float] = {}  # printed at the end of the module: the closing-note figures


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def state_dir(tmp_path_factory):
    return str(tmp_path_factory.mktemp("interaction-state"))


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def editor(state_dir):
    async with running_server(state_dir, OPTIONS) as client:
        yield client
    print("\ninteraction figures (ms):", {k: round(v, 1) for k, v in MEASURED.items()})


def _state(status) -> str:
    return status["state"] if isinstance(status, dict) else status.state


async def test_pause_gives_empty_automatic_answers_at_once_and_invoked_still_works(editor: LanguageClient):
    text, line, character = cursor_of("def circle_area(radius):\n    <|>\n")
    uri = "file:///work/pause.py"
    open_doc(editor, uri, "python", text)
    before = await metrics(editor)
    assert await command(editor, "codewhisperer.pauseAutoSuggestions") == {"autoSuggestions": False, "paused": True}
    await asyncio.sleep(0.05)
    assert _state(editor.statuses[-1]) == "paused"
    automatic, paused_ms = await timed_complete(editor, uri, line, character, invoked=False)
    assert automatic == []
    after = await metrics(editor)
    assert after["modelCalls"] == before["modelCalls"]  # the model was not touched
    assert after["outcomes"]["paused"] == before["outcomes"]["paused"] + 1
    assert paused_ms < 300, paused_ms
    MEASURED["paused answer"] = paused_ms
    invoked, _ = await timed_complete(editor, uri, line, character, invoked=True)
    assert invoked and invoked[0].insert_text.strip()
    assert (await metrics(editor))["modelCalls"] == before["modelCalls"] + 1
    assert await command(editor, "codewhisperer.resumeAutoSuggestions") == {"autoSuggestions": True, "paused": False}
    await asyncio.sleep(0.05)
    assert _state(editor.statuses[-1]) == "ready"


async def test_pause_survives_a_restart(tmp_path):
    # A state folder of its own: the restarted server's counts would otherwise reach this module's
    # shared metrics file and move the other tests' figures.
    state = str(tmp_path)
    async with running_server(state, OPTIONS) as first:
        assert (await command(first, "codewhisperer.pauseAutoSuggestions"))["paused"] is True
    async with running_server(state, OPTIONS) as restarted:
        for _ in range(100):
            if "paused" in [_state(s) for s in restarted.statuses]:
                break
            await asyncio.sleep(0.02)
        assert "paused" in [_state(s) for s in restarted.statuses]
        text, line, character = cursor_of("def circle_area(radius):\n    <|>\n")
        open_doc(restarted, "file:///work/restart.py", "python", text)
        automatic, _ = await timed_complete(restarted, "file:///work/restart.py", line, character, invoked=False)
        assert automatic == [] and (await metrics(restarted))["outcomes"]["paused"] >= 1
        assert (await command(restarted, "codewhisperer.resumeAutoSuggestions"))["paused"] is False


async def test_setting_autosuggestions_false_pauses_too(editor: LanguageClient):
    text, line, character = cursor_of("def circle_area(radius):\n    <|>\n")
    uri = "file:///work/setting.py"
    open_doc(editor, uri, "python", text)
    editor.workspace_did_change_configuration(_config(autoSuggestions=False))
    try:
        assert (await timed_complete(editor, uri, line, character, invoked=False))[0] == []
        assert (await command(editor, "codewhisperer.resumeAutoSuggestions"))["paused"] is True  # the setting wins
    finally:
        editor.workspace_did_change_configuration(_config())
    assert (await timed_complete(editor, uri, line, character, invoked=True))[0]


async def test_typeahead_answers_from_memory_and_a_mismatch_drops_it(editor: LanguageClient):
    source = "def fahrenheit_to_celsius(fahrenheit):\n    <|>\n"
    text, line, character = cursor_of(source)
    uri = "file:///work/typeahead.py"
    open_doc(editor, uri, "python", text)
    items, model_ms = await timed_complete(editor, uri, line, character, invoked=False)
    assert items, "no suggestion to type through"
    shown = items[0].insert_text
    assert len(shown) >= 4 and "\n" not in shown[:3], shown
    before = await metrics(editor)
    insert(editor, uri, 2, line, character, shown[:3])
    ahead, ahead_ms = await timed_complete(editor, uri, line, character + 3, invoked=False)
    assert [i.insert_text for i in ahead] == [shown[3:]]
    args = ahead[0].command.arguments[0]
    assert args["itemId"] == items[0].command.arguments[0]["itemId"] and args["text"] == shown[3:]
    after = await metrics(editor)
    assert after["modelCalls"] == before["modelCalls"]  # answered without the model
    assert after["outcomes"]["typeahead"] == before["outcomes"]["typeahead"] + 1
    assert after["typeaheadLatencyMs"]["p50"] < 20, after["typeaheadLatencyMs"]
    assert ahead_ms < model_ms, (ahead_ms, model_ms)
    MEASURED.update({"typeahead answer": ahead_ms, "typeahead server-side p50": after["typeaheadLatencyMs"]["p50"],
                     "fresh model answer": model_ms})
    wrong = "#" if shown[3] != "#" else "@"
    insert(editor, uri, 3, line, character + 3, wrong)
    mismatch, _ = await timed_complete(editor, uri, line, character + 4, invoked=False)
    assert all(i.insert_text != shown[4:] for i in mismatch)
    erase(editor, uri, 4, line, character + 3, character + 4)  # back to a prefix of the old suggestion
    await timed_complete(editor, uri, line, character + 3, invoked=False)
    final = await metrics(editor)
    assert final["outcomes"]["typeahead"] == after["outcomes"]["typeahead"]  # dropped at the first mismatch
    assert final["invocations"] == after["invocations"] + 2


async def test_superseded_request_is_cancelled_promptly(editor: LanguageClient):
    text, line, character = cursor_of(LONG_BLOCK)
    uri = "file:///work/supersede.py"
    open_doc(editor, uri, "python", text)
    before = await metrics(editor)
    _, first = send_complete(editor, uri, line, character)
    await asyncio.sleep(0.4)  # the first is generating now
    sent = time.perf_counter()
    _, second = send_complete(editor, uri, line, character)
    with pytest.raises(Exception) as cancelled:
        await first
    latency = (time.perf_counter() - sent) * 1000
    assert "cancel" in str(cancelled.value).lower() or "superseded" in str(cancelled.value).lower()
    assert (await second).items
    assert latency < 1500, latency
    MEASURED["supersede -> old answer"] = latency
    assert (await metrics(editor))["outcomes"]["cancelled"] >= before["outcomes"]["cancelled"] + 1


async def test_cancel_request_stops_the_generation(editor: LanguageClient):
    text, line, character = cursor_of(LONG_BLOCK.replace("describe", "summarise"))
    uri = "file:///work/cancel.py"
    open_doc(editor, uri, "python", text)
    msg_id, answer = send_complete(editor, uri, line, character)
    await asyncio.sleep(0.4)
    sent = time.perf_counter()
    editor.protocol.notify("$/cancelRequest", types.CancelParams(id=msg_id))
    with pytest.raises(Exception) as cancelled:
        await answer
    MEASURED["$/cancelRequest -> answer"] = (time.perf_counter() - sent) * 1000
    assert "cancel" in str(cancelled.value).lower()
    started = time.perf_counter()  # the model thread is free again at its next step
    items, _ = await timed_complete(editor, uri, line, character, invoked=True)
    assert items
    MEASURED["next request after cancel"] = (time.perf_counter() - started) * 1000


async def test_no_suggestion_for_an_older_version(editor: LanguageClient):
    text, line, character = cursor_of(LONG_BLOCK.replace("describe", "report"))
    uri = "file:///work/stale.py"
    open_doc(editor, uri, "python", text)
    _, answer = send_complete(editor, uri, line, character)
    await asyncio.sleep(0.2)
    insert(editor, uri, 2, 0, 0, "# edited while the model was busy\n")
    try:
        result = await answer
    except Exception as exc:  # cancelled is as good as empty; a stale item is not
        assert "cancel" in str(exc).lower()
        return
    assert not result.items


async def test_accept_is_counted_once_in_the_metrics(editor: LanguageClient):
    text, line, character = cursor_of("def is_even(number):\n    <|>\n")
    uri = "file:///work/accept.py"
    open_doc(editor, uri, "python", text)
    before = await metrics(editor)
    items, _ = await timed_complete(editor, uri, line, character, invoked=True)
    assert items
    args = items[0].command.arguments[0]
    assert args["sessionId"] and args["itemId"] and args["languageId"] == "python" and args["hasReferences"] is False
    assert items[0].command.command == "codewhisperer.acceptSuggestion"
    assert await command(editor, "codewhisperer.acceptSuggestion", args) == {
        "accepted": True, "first": True, "referenceLogged": False, "importsAdded": []}
    assert (await command(editor, "codewhisperer.acceptSuggestion", args))["first"] is False
    after = await metrics(editor)
    assert after["accepted"] == before["accepted"] + 1
    assert after["suggestionsShown"] == before["suggestionsShown"] + 1
    assert after["invocations"] == before["invocations"] + 1 and after["invoked"] == before["invoked"] + 1
    assert after["acceptanceRate"] == round(after["accepted"] / after["suggestionsShown"], 4)
    accepted_before = before["perLanguage"].get("python", {}).get("accepted", 0)
    assert after["perLanguage"]["python"]["accepted"] == accepted_before + 1
    assert after["latencyMs"]["count"] >= 1 and after["latencyMs"]["p50"] > 0
    assert after["activeDays"] == 1 and after["collecting"] is True
    with pytest.raises(Exception, match="sessionId"):
        await command(editor, "codewhisperer.acceptSuggestion", {"oops": 1})


async def test_metrics_collection_can_be_turned_off(editor: LanguageClient):
    text, line, character = cursor_of("def is_odd(number):\n    <|>\n")
    uri = "file:///work/nometrics.py"
    open_doc(editor, uri, "python", text)
    editor.workspace_did_change_configuration(_config(collectMetrics=False))
    try:
        before = await metrics(editor)
        assert before["collecting"] is False
        items, _ = await timed_complete(editor, uri, line, character, invoked=True)
        assert items
        await command(editor, "codewhisperer.acceptSuggestion", items[0].command.arguments[0])
        after = await metrics(editor)
        for key in ("invocations", "suggestionsShown", "accepted", "modelCalls"):
            assert after[key] == before[key], key
    finally:
        editor.workspace_did_change_configuration(_config())
    assert (await metrics(editor))["collecting"] is True


async def test_stats_command_reads_the_saved_metrics(editor: LanguageClient, state_dir):
    live = await metrics(editor)
    await asyncio.sleep(2.5)  # the server saves its counts every two seconds
    run = subprocess.run([sys.executable, "-m", "codewhisperer_lsp", "stats", "--json"], capture_output=True,
                         text=True, env=server_env(state_dir), timeout=60)
    assert run.returncode == 0, run.stderr
    saved = json.loads(run.stdout)
    assert saved["invocations"] == live["invocations"] and saved["accepted"] == live["accepted"]
    assert saved["latencyMs"]["p50"] == live["latencyMs"]["p50"]


def _config(**changes):
    return types.DidChangeConfigurationParams(settings={"codewhisperer": {**OPTIONS["codewhisperer"], **changes}})
