"""Every request gets an answer, even when its params cannot be parsed; the server stays up."""

from __future__ import annotations

import pytest

from tests.e2e.rawclient import RawServer


@pytest.fixture(scope="module")
def raw():
    server = RawServer()
    assert server.initialize()["result"]["capabilities"]["inlineCompletionProvider"] is not None
    server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": "file:///w/a.py", "languageId": "python", "version": 1, "text": "x = 1\n"}}})
    yield server
    server.close()


BAD_PARAMS = [
    {"textDocument": {"uri": "file:///w/a.py"}, "position": {"line": -1, "character": 0}, "context": {"triggerKind": 1}},
    {"textDocument": {"uri": "file:///w/a.py"}, "context": {"triggerKind": 1}},
    {"textDocument": {"uri": "file:///w/a.py"}, "position": {"line": "one", "character": 0}, "context": {"triggerKind": 1}},
    {"position": {"line": 0, "character": 0}, "context": {"triggerKind": 1}},
    [],
    None,
]


@pytest.mark.parametrize("index", range(len(BAD_PARAMS)))
def test_unparseable_params_are_answered_with_an_error(raw: RawServer, index: int):
    raw.request(100 + index, "textDocument/inlineCompletion", BAD_PARAMS[index])
    answer = raw.response(100 + index)
    assert answer is not None, "request left unanswered"
    assert answer["error"]["code"] in (-32602, -32603)


def test_unknown_method_gets_method_not_found(raw: RawServer):
    raw.request(200, "codewhisperer/noSuchThing", {})
    assert raw.response(200)["error"]["code"] == -32601


def test_server_still_answers_after_bad_input(raw: RawServer):
    raw.send_bytes(b"{not json")
    raw.request(300, "textDocument/inlineCompletion", {
        "textDocument": {"uri": "file:///w/never-opened.py"}, "position": {"line": 0, "character": 0},
        "context": {"triggerKind": 1}})
    answer = raw.response(300)
    assert answer is not None and answer["result"]["items"] == []
