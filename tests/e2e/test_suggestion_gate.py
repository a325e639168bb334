"""Every suggestion is checked before it is returned, over LSP with the real model, the real
reference index (standard library and installed packages) and the real security engines:
references travel with the item and into the code-reference log on accept; the user's opt-out
drops them; an insecure suggestion is shown with its finding, or not at all (setting).
"""

from __future__ import annotations

import asyncio
import fnmatch
import inspect
import textwrap
import time

import pytest_asyncio
from lsprotocol import types
from pytest_lsp import LanguageClient

from pytest_lsp import ClientServerConfig

from tests.e2e.conftest import SERVER, open_doc, server_env, start_session
from tests.e2e.interaction_helpers import command, metrics, plain, running_server, timed_complete

OPTIONS = {"codewhisperer": {"numSuggestions": 1}}
INDEX_WAIT_S = 300  # a first run builds the index in the background (about a minute and a half)
# The first lines of a standard-library function (PSF-2.0); the model continues it verbatim.
COPIED_LINES = 7
INSECURE = ('import hashlib\n\n\ndef password_hash(password):\n'
            '    """Hash the password with md5 and return the hex digest."""\n    ')


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def editor(tmp_path_factory):
    log: list = []
    async with running_server(str(tmp_path_factory.mktemp("gate-state")), OPTIONS,
                              {"codewhisperer/referenceLog": log}) as client:
        client.reference_log = log
        yield client


def _copied_function() -> tuple[str, int, int]:
    lines = textwrap.dedent(inspect.getsource(fnmatch.filter)).splitlines(keepends=True)
    indent = lines[COPIED_LINES][:len(lines[COPIED_LINES]) - len(lines[COPIED_LINES].lstrip())]
    return "".join(lines[:COPIED_LINES]) + indent + "\n", COPIED_LINES, len(indent)


async def _index_ready(client: LanguageClient) -> None:
    probe = textwrap.dedent(inspect.getsource(fnmatch.filter))
    deadline = time.monotonic() + INDEX_WAIT_S
    while True:
        answer = plain(await client.protocol.send_request_async("codewhisperer/findReferences", {"text": probe}))
        if any("fnmatch.py" in r["url"] for r in answer["references"]) or time.monotonic() > deadline:
            return
        await asyncio.sleep(2)


def _configure(client: LanguageClient, **changes) -> None:
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"codewhisperer": {**OPTIONS["codewhisperer"], **changes}}))


async def test_copied_code_carries_references_and_accepting_it_is_logged(editor: LanguageClient):
    await _index_ready(editor)
    text, line, character = _copied_function()
    uri = "file:///work/filters.py"
    open_doc(editor, uri, "python", text)
    items, _ = await timed_complete(editor, uri, line, character, invoked=True)
    with_refs = [i for i in items if i.command.arguments[0]["hasReferences"]]
    assert with_refs, [i.insert_text for i in items]
    args = with_refs[0].command.arguments[0]
    reference = args["references"][0]
    assert reference["licenseName"] == "PSF-2.0"
    assert "fnmatch.py#L" in reference["url"] and reference["repository"]
    span = reference["recommendationContentSpan"]
    assert 0 <= span["start"] < span["end"] <= len(with_refs[0].insert_text)
    assert with_refs[0].insert_text[span["start"]:span["end"]].strip() in inspect.getsource(fnmatch)
    assert "PSF-2.0" in with_refs[0].command.title
    accepted = await command(editor, "codewhisperer.acceptSuggestion", args)
    assert {k: accepted[k] for k in ("accepted", "first", "referenceLogged")} == {
        "accepted": True, "first": True, "referenceLogged": True}
    assert all(line.startswith(("import ", "from ")) for line in accepted["importsAdded"])
    for _ in range(50):
        if editor.reference_log:
            break
        await asyncio.sleep(0.05)
    entry = plain(editor.reference_log[-1])
    assert entry["itemId"] == args["itemId"] and entry["sessionId"] == args["sessionId"] and entry["uri"] == uri
    assert entry["range"]["start"] == {"line": line, "character": character}
    assert entry["message"].startswith("Accepted recommendation with code")
    assert "PSF-2.0" in entry["message"] and "filters.py" in entry["message"]
    logged = plain(await editor.protocol.send_request_async("codewhisperer/getReferenceLog", {"offset": 0}))
    assert any(e["itemId"] == args["itemId"] for e in logged["entries"])
    assert (await metrics(editor))["gate"]["shownWithReferences"] >= 1


async def test_opting_out_drops_suggestions_with_references(editor: LanguageClient):
    text, line, character = _copied_function()
    uri = "file:///work/filters_optout.py"
    open_doc(editor, uri, "python", text)
    before = (await metrics(editor))["gate"]["droppedWithReferences"]
    _configure(editor, includeSuggestionsWithCodeReferences=False)
    try:
        items, _ = await timed_complete(editor, uri, line, character, invoked=True)
        assert all(not i.command.arguments[0]["hasReferences"] for i in items)
        assert (await metrics(editor))["gate"]["droppedWithReferences"] == before + 1
    finally:
        _configure(editor)


async def test_insecure_suggestion_is_noted_or_withheld(editor: LanguageClient):
    uri = "file:///work/passwords.py"
    line, character = INSECURE.count("\n"), 4
    open_doc(editor, uri, "python", INSECURE + "\n")
    items, _ = await timed_complete(editor, uri, line, character, invoked=True)
    assert items and "md5" in items[0].insert_text, [i.insert_text for i in items]
    findings = items[0].command.arguments[0]["securityFindings"]
    assert any(f["ruleId"] == "B324" and f["engine"] == "bandit" and f["line"] == line for f in findings), findings
    assert "B324" in items[0].command.title
    before = (await metrics(editor))["gate"]["droppedInsecure"]
    _configure(editor, security={"returnInsecureSuggestions": False})
    try:
        withheld, _ = await timed_complete(editor, uri, line, character, invoked=True)
        assert withheld == []
        assert (await metrics(editor))["gate"]["droppedInsecure"] == before + 1
    finally:
        _configure(editor)
    _configure(editor, security={"checkSuggestions": False})
    try:
        unchecked, _ = await timed_complete(editor, uri, line, character, invoked=True)
        assert unchecked and unchecked[0].command.arguments[0]["securityFindings"] == []
    finally:
        _configure(editor)


async def test_an_organization_policy_refuses_references_for_everyone(editor: LanguageClient, tmp_path):
    await _index_ready(editor)  # the shared index is built by now
    policy = tmp_path / "policy.json"
    policy.write_text('{"includeSuggestionsWithCodeReferences": false}')
    env = {**server_env(str(tmp_path / "state")), "CODEWHISPERER_POLICY_FILE": str(policy)}
    client: LanguageClient = await ClientServerConfig(SERVER, server_env=env).start()
    try:
        # the user asks for suggestions with references; the organization's policy wins
        await start_session(client, {"codewhisperer": {"numSuggestions": 1,
                                                       "includeSuggestionsWithCodeReferences": True}})
        told = [m.message for m in client.messages if "managed by your organization" in m.message]
        assert len(told) == 1 and "includeSuggestionsWithCodeReferences" in told[0], client.messages
        text, line, character = _copied_function()
        uri = "file:///work/filters_policy.py"
        open_doc(client, uri, "python", text)
        items, _ = await timed_complete(client, uri, line, character, invoked=True)
        assert all(not i.command.arguments[0]["hasReferences"] for i in items)
        assert (await metrics(client))["gate"]["droppedWithReferences"] >= 1
    finally:
        await client.shutdown_session()
        await client.stop()
