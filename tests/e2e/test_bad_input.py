"""Bad input over real stdio, hand-picked and generated: every request gets a JSON-RPC answer, the
server stays up, and stdout carries nothing but protocol frames.

One server (real model) for the whole module; each test ends by checking that a good request is
still answered. Hypothesis runs inside plain tests (its pytest plugin is off, see pyproject).
"""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.e2e.rawclient import RawServer

PY = "file:///w/bad%20input/main.py"  # an encoded URI, as VS Code sends for a path with a space
PARSE_ERROR, INVALID_REQUEST, METHOD_NOT_FOUND, INVALID_PARAMS, INTERNAL = -32700, -32600, -32601, -32602, -32603
ERRORS = {PARSE_ERROR, INVALID_REQUEST, METHOD_NOT_FOUND, INVALID_PARAMS, INTERNAL, -32800}
TRIED = {"count": 0}  # how many bad inputs this module sent (printed at the end)


@pytest.fixture(scope="module")
def raw(tmp_path_factory):
    server = RawServer(env={"CODEWHISPERER_STATE_DIR": str(tmp_path_factory.mktemp("state"))})
    assert server.initialize({"codewhisperer": {"numSuggestions": 1, "maxNewTokens": 8}})["result"]
    assert server.wait_status() is not None
    open_doc(server, PY, "python", "def add(a, b):\n    return a + b\n\n\ndef mul(a, b):\n    ")
    yield server
    print(f"\nbad inputs tried: {TRIED['count']}")
    assert server.stray == b"", "stdout carried bytes outside protocol frames"
    assert server.alive()
    server.close()


def open_doc(server: RawServer, uri: str, language: str, text: str, version: int = 1) -> None:
    server.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": language, "version": version, "text": text}})


def completion(uri: str, line: int, character: int, kind: int = 1) -> dict:
    return {"textDocument": {"uri": uri}, "position": {"line": line, "character": character},
            "context": {"triggerKind": kind}}


_ids = iter(range(10_000, 10_000_000))


def ask(server: RawServer, method: str, params, timeout: float = 120.0) -> dict:
    msg_id = next(_ids)
    TRIED["count"] += 1
    server.request(msg_id, method, params)
    answer = server.response(msg_id, timeout)
    assert answer is not None, f"{method} {str(params)[:200]} left unanswered"
    assert answer.get("jsonrpc") == "2.0"
    assert ("result" in answer) != ("error" in answer), answer
    if "error" in answer:
        assert answer["error"]["code"] in ERRORS and answer["error"]["message"], answer
    return answer


def still_serving(server: RawServer) -> None:
    assert server.alive(), "the server died"
    answer = ask(server, "codewhisperer/getReferenceLog", {})
    assert "entries" in answer["result"]
    assert server.stray == b"", server.stray[:200]


# --- framing ------------------------------------------------------------------------------------
def _req(msg_id, method="codewhisperer/getReferenceLog", params=None) -> bytes:
    return json.dumps({"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params or {}}).encode()


def _frame(body: bytes, length: int | None = None) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % (len(body) if length is None else length) + body


FRAMING = {
    # name: (bytes to send, ids that must be answered, is the first one answered with a real result)
    "length too short": lambda a, b: (_frame(_req(a), len(_req(a)) - 7) + _frame(_req(b)), [a, b]),
    "length too long": lambda a, b: (_frame(_req(a), len(_req(a)) + 25) + _frame(_req(b)), [a, b]),
    "length not a number": lambda a, b: (b"Content-Length: abc\r\n\r\n" + _req(a) + _frame(_req(b)), [a, b]),
    "length negative": lambda a, b: (b"Content-Length: -5\r\n\r\n" + _req(a) + _frame(_req(b)), [a, b]),
    "length absurd": lambda a, b: (b"Content-Length: 999999999999999\r\n\r\n" + _req(a) + _frame(_req(b)), [a, b]),
    "length zero": lambda a, b: (b"Content-Length: 0\r\n\r\n" + _frame(_req(b)), [b]),
    "no header": lambda a, b: (_req(a) + b"\r\n" + _frame(_req(b)), [a, b]),
    "two headers": lambda a, b: (b"Content-Length: 12\r\nContent-Length: %d\r\n\r\n" % len(_req(a)) + _req(a)
                                 + _frame(_req(b)), [a, b]),
    "content type and lower case": lambda a, b: (
        b"content-length: %d\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" % len(_req(a))
        + _req(a) + _frame(_req(b)), [a, b]),
    "binary between frames": lambda a, b: (_frame(_req(a)) + bytes(range(256)) + b"\r\n" + _frame(_req(b)), [a, b]),
    "header without blank line": lambda a, b: (b"Content-Length: 5\r\n" + _frame(_req(a)) + _frame(_req(b)), [a, b]),
}


@pytest.mark.parametrize("name", sorted(FRAMING))
def test_damaged_frames_cost_at_most_themselves(raw: RawServer, name: str):
    first, second = next(_ids), next(_ids)
    data, expected = FRAMING[name](first, second)
    TRIED["count"] += 1
    raw.send_raw(data)
    for msg_id in expected:
        answer = raw.response(msg_id, 30)
        assert answer is not None, f"{name}: request {msg_id} left unanswered"
        assert "result" in answer or answer["error"]["code"] in ERRORS
    assert "result" in raw.answers.get(second, {}) or True
    still_serving(raw)


BODIES = {
    "not json": (b"{not json", PARSE_ERROR),
    "truncated json": (b'{"jsonrpc": "2.0", "id": 77, "method": "codewhisperer/getRef', PARSE_ERROR),
    "empty array": (b"[]", INVALID_REQUEST),
    "batch array": (b'[{"jsonrpc": "2.0", "id": 78, "method": "shutdown"}]', INVALID_REQUEST),
    "number": (b"123", INVALID_REQUEST),
    "string": (b'"hello"', INVALID_REQUEST),
    "null": (b"null", INVALID_REQUEST),
    "empty object": (b"{}", INVALID_REQUEST),
    "nested garbage": (b'{"a": [[[[{"b": null}]]]]}', INVALID_REQUEST),
    "id is a list": (b'{"jsonrpc": "2.0", "id": [1], "method": "codewhisperer/getReferenceLog"}', INVALID_REQUEST),
    "id is an object": (b'{"jsonrpc": "2.0", "id": {}, "method": "codewhisperer/getReferenceLog"}', INVALID_REQUEST),
    "invalid utf-8 outside strings": (b'\xff\xfe{"jsonrpc"', PARSE_ERROR),
}


@pytest.mark.parametrize("name", sorted(BODIES))
def test_bodies_that_are_not_requests_get_an_error_without_id(raw: RawServer, name: str):
    body, code = BODIES[name]
    TRIED["count"] += 1
    before = len(raw.null_id_errors) + sum(1 for a in raw.answers.values() if "error" in a)
    raw.send_bytes(body)
    raw.pump(1.0)
    errors = raw.wait_null_errors(1, 10)
    answered = [a for a in raw.answers.values() if "error" in a]
    assert len(errors) + len(answered) > before, f"{name}: no error answer"
    codes = {e["error"]["code"] for e in errors} | {a["error"]["code"] for a in answered}
    assert code in codes
    raw.null_id_errors.clear()
    raw.answers.clear()
    still_serving(raw)


# --- messages with a readable id: each gets its own answer ---------------------------------------
def test_request_without_jsonrpc_or_with_old_version_is_answered(raw: RawServer):
    for message in ({"id": 501, "method": "shutdown"}, {"jsonrpc": "1.0", "id": 502, "method": "shutdown"}):
        TRIED["count"] += 1
        raw.send(message)
        answer = raw.response(message["id"], 10)
        assert answer is not None and answer["error"]["code"] == INVALID_REQUEST
    still_serving(raw)


def test_unknown_methods(raw: RawServer):
    for method in ("codewhisperer/noSuchThing", "$/noSuchThing", "", "x" * 10_000, "textDocument/\u0000"):
        assert ask(raw, method, {})["error"]["code"] == METHOD_NOT_FOUND
    raw.notify("codewhisperer/noSuchNotification", {"a": 1})  # ignored, no answer
    raw.notify("$/cancelRequest", {"id": 123456789})  # cancelling nothing
    still_serving(raw)


WRONG_PARAMS = [
    None, [], "text", 42, True, {}, {"textDocument": None},
    {"textDocument": {"uri": PY}, "position": {"line": 0}, "context": {"triggerKind": 1}},
    {"textDocument": {"uri": PY}, "position": {"line": 0, "character": 0}},
    {"textDocument": {"uri": PY}, "position": {"line": 0, "character": 0}, "context": {"triggerKind": 9}},
    {"textDocument": {"uri": PY}, "position": {"line": -1, "character": 0}, "context": {"triggerKind": 1}},
    {"textDocument": {"uri": PY}, "position": {"line": 0, "character": -3}, "context": {"triggerKind": 1}},
    {"textDocument": {"uri": PY}, "position": {"line": 2 ** 40, "character": 0}, "context": {"triggerKind": 1}},
    {"textDocument": {"uri": PY}, "position": {"line": [0], "character": 0}, "context": {"triggerKind": 1}},
]
COERCIBLE = [  # the converter accepts these (5 -> "5", 1.5 -> 1, "0" -> 0): answered either way
    {"textDocument": {"uri": 5}, "position": {"line": 0, "character": 0}, "context": {"triggerKind": 1}},
    {"textDocument": {"uri": PY}, "position": {"line": 1.5, "character": 0}, "context": {"triggerKind": 1}},
    {"textDocument": {"uri": PY}, "position": {"line": "0", "character": 0}, "context": {"triggerKind": 1}},
]


@pytest.mark.parametrize("index", range(len(WRONG_PARAMS)))
def test_invalid_completion_params_get_invalid_params(raw: RawServer, index: int):
    answer = ask(raw, "textDocument/inlineCompletion", WRONG_PARAMS[index])
    assert answer["error"]["code"] == INVALID_PARAMS


@pytest.mark.parametrize("index", range(len(COERCIBLE)))
def test_coercible_completion_params_are_answered(raw: RawServer, index: int):
    answer = ask(raw, "textDocument/inlineCompletion", COERCIBLE[index])
    assert "result" in answer or answer["error"]["code"] == INVALID_PARAMS


def test_positions_far_outside_the_document_are_clamped(raw: RawServer):
    for line, character in ((0, 2 ** 31 - 1), (2 ** 31 - 1, 0), (10_000, 10_000), (4, 0), (5, 99)):
        answer = ask(raw, "textDocument/inlineCompletion", completion(PY, line, character))
        assert isinstance(answer["result"]["items"], list)
    still_serving(raw)


@pytest.mark.parametrize("uri", ["file:///w/never-opened.py", "", "not a uri", "file:///%ZZ%", "untitled:Untitled-1",
                                 "file:///" + "a/" * 5000 + "x.py", "file:///w/\u0000.py"])
def test_unknown_documents_answer_no_items(raw: RawServer, uri: str):
    answer = ask(raw, "textDocument/inlineCompletion", completion(uri, 0, 0))
    assert answer["result"]["items"] == []


def test_commands_with_bad_arguments(raw: RawServer):
    cases = [
        ({"command": "codewhisperer.noSuchCommand"}, INVALID_PARAMS),
        ({"command": "codewhisperer.acceptSuggestion", "arguments": ["x", 1, None]}, None),
        ({"command": "codewhisperer.acceptSuggestion", "arguments": [{"itemId": ["x"], "references": "no"}]}, None),
        ({"command": "codewhisperer.startSecurityScan", "arguments": [{"uri": "file:///w/no/such/file.py"}]}, None),
        ({"command": "codewhisperer.startSecurityScan", "arguments": ["not an object"]}, None),
        ({"command": 12}, INVALID_PARAMS),
    ]
    for params, code in cases:
        answer = ask(raw, "workspace/executeCommand", params)
        if code is not None:
            assert answer["error"]["code"] == code
    still_serving(raw)


def test_custom_requests_with_bad_fields(raw: RawServer):
    assert ask(raw, "codewhisperer/findReferences", {"text": 5})["error"]["code"] == INVALID_PARAMS
    assert ask(raw, "codewhisperer/findReferences", [])["error"]["code"] == INVALID_PARAMS
    assert "references" in ask(raw, "codewhisperer/findReferences", {"text": "\ud800x" * 1000})["result"]
    for params in ({"offset": "x", "limit": -1}, {"offset": 2 ** 70, "limit": 2 ** 70}, None, [1, 2]):
        assert "entries" in ask(raw, "codewhisperer/getReferenceLog", params)["result"]


# --- documents ------------------------------------------------------------------------------------
def test_edits_to_never_opened_documents_are_ignored(raw: RawServer):
    raw.notify("textDocument/didChange", {"textDocument": {"uri": "file:///w/ghost.py", "version": 2},
                                          "contentChanges": [{"text": "x = 1\n"}]})
    raw.notify("textDocument/didClose", {"textDocument": {"uri": "file:///w/ghost2.py"}})
    raw.notify("textDocument/didSave", {"textDocument": {"uri": "file:///w/ghost3.py"}})
    TRIED["count"] += 3
    assert ask(raw, "textDocument/inlineCompletion", completion("file:///w/ghost.py", 0, 0))["result"]["items"] == []
    still_serving(raw)


def _change(uri, version, start, end, text):
    return {"textDocument": {"uri": uri, "version": version}, "contentChanges": [
        {"range": {"start": {"line": start[0], "character": start[1]},
                   "end": {"line": end[0], "character": end[1]}}, "text": text}]}


def test_edits_that_do_not_match_the_document(raw: RawServer):
    uri = "file:///w/edits.py"
    open_doc(raw, uri, "python", "a = 1\nb = 2\n")
    for version, (start, end) in enumerate([((50, 0), (60, 0)), ((1, 3), (0, 0)), ((0, 999), (0, 2000)),
                                            ((2 ** 31 - 1, 0), (2 ** 31 - 1, 2 ** 31 - 1))], start=2):
        raw.notify("textDocument/didChange", _change(uri, version, start, end, "c = 3\n"))
        TRIED["count"] += 1
    raw.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 9},
                                          "contentChanges": [{"range": "bad", "text": 5}]})
    answer = ask(raw, "textDocument/inlineCompletion", completion(uri, 3, 0))
    assert isinstance(answer["result"]["items"], list)
    still_serving(raw)


NASTY_DOCUMENTS = {
    "lone surrogates": ("python", "def f():\n    s = '\ud800'\n    t = '\udfff'\n    return ", (3, 11)),
    "nul and binary": ("python", "".join(chr(i) for i in range(0, 256)) * 20 + "\nx = ", (1, 4)),
    "form feed and line separators": ("python", "a = 1\f\nb = '\u2028'\u2029\nc = \x0b\x1c\x85", (2, 4)),
    "very long line": ("javascript", "const s = '" + "ab" * 300_000 + "';\nconst t = ", (1, 10)),
    "deeply nested brackets": ("python", "x = " + "(" * 20_000 + "1" + ")" * 20_000 + "\ny = [" * 2000 + "\n", (2, 0)),
    "deeply nested blocks": ("python", "".join("    " * i + f"if a{i}:\n" for i in range(300)) + "    " * 300, (300, 1200)),
    "deep c nesting": ("c", "int f(){" + "{" * 5000 + "\n", (1, 0)),
    "emoji and cjk": ("python", "s = '😀😀漢字'\nt = s + ", (1, 8)),
    "unknown language": ("klingon", "Qapla'\n", (1, 0)),
    "empty": ("python", "", (0, 0)),
}


@pytest.mark.parametrize("name", sorted(NASTY_DOCUMENTS))
def test_nasty_documents_are_answered(raw: RawServer, name: str):
    language, text, (line, character) = NASTY_DOCUMENTS[name]
    uri = f"file:///w/nasty/{name.replace(' ', '_')}.txt"
    open_doc(raw, uri, language, text)
    answer = ask(raw, "textDocument/inlineCompletion", completion(uri, line, character), timeout=180)
    assert isinstance(answer["result"]["items"], list)
    raw.notify("textDocument/didChange", _change(uri, 2, (0, 0), (0, 1), "\ud83d"))
    answer = ask(raw, "workspace/executeCommand", {"command": "codewhisperer.startSecurityScan",
                                                   "arguments": [{"uri": uri}]}, timeout=180)
    assert answer["result"]["status"] in ("Succeeded", "Failed", "TimedOut"), answer
    still_serving(raw)


def test_invalid_utf8_inside_a_document_is_replaced_not_fatal(raw: RawServer):
    uri = "file:///w/latin1.py"
    body = (b'{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"' + uri.encode()
            + b'","languageId":"python","version":1,"text":"s = \'caf\xe9 \xff\xfe\xc3\'\\nx = "}}}')
    raw.send_bytes(body)
    TRIED["count"] += 1
    answer = ask(raw, "textDocument/inlineCompletion", completion(uri, 1, 4))
    assert isinstance(answer["result"]["items"], list)
    still_serving(raw)


def test_a_multi_megabyte_document(raw: RawServer):
    uri = "file:///w/big.py"
    lines = [f"def function_{i}(value):\n    return value * {i} + len('{'x' * 40}')\n\n" for i in range(60_000)]
    text = "".join(lines) + "def last(value):\n    "
    assert len(text) > 6_000_000
    open_doc(raw, uri, "python", text)
    last = text.count("\n")
    for version in range(2, 12):  # a burst of edits at the end of a big document
        raw.notify("textDocument/didChange", _change(uri, version, (last, 4), (last, 4), "r"))
    answer = ask(raw, "textDocument/inlineCompletion", completion(uri, last, 14), timeout=180)
    assert isinstance(answer["result"]["items"], list)
    scan = ask(raw, "workspace/executeCommand", {"command": "codewhisperer.startSecurityScan",
                                                 "arguments": [{"uri": uri}]}, timeout=180)
    assert "status" in scan["result"]
    still_serving(raw)


def test_the_encoded_uri_document_gets_suggestions(raw: RawServer):
    """Documents are stored under the decoded URI: a lookup by the encoded one must find them."""
    answer = ask(raw, "textDocument/inlineCompletion", completion(PY, 5, 4))
    assert answer["result"]["items"], "no suggestion for a document whose URI has %20"


# --- generated -------------------------------------------------------------------------------------
METHODS = ["textDocument/inlineCompletion", "workspace/executeCommand", "codewhisperer/findReferences",
           "codewhisperer/getReferenceLog", "textDocument/didOpen", "textDocument/didChange", "textDocument/didClose",
           "workspace/didChangeConfiguration", "codewhisperer/noSuch", "$/cancelRequest", "initialize"]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-2 ** 63, 2 ** 63) | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=12)
positions = st.fixed_dictionaries({"line": st.integers(-5, 2 ** 33), "character": st.integers(-5, 2 ** 33)})
lsp_params = st.one_of(
    json_values,
    st.fixed_dictionaries({"textDocument": st.fixed_dictionaries({"uri": st.sampled_from([PY, "file:///w/x.py", ""])}),
                           "position": positions | json_values,
                           "context": st.fixed_dictionaries({"triggerKind": st.integers(-1, 4)}) | json_values}),
    st.fixed_dictionaries({"command": st.sampled_from(["codewhisperer.acceptSuggestion", "codewhisperer.pauseAutoSuggestions",
                                                       "codewhisperer.resumeAutoSuggestions", "codewhisperer.showScannedFiles",
                                                       "nope"]),
                           "arguments": st.lists(json_values, max_size=3)}),
    st.fixed_dictionaries({"text": st.text(max_size=200) | json_values}),
)


NO_SHRINK = (Phase.explicit, Phase.generate)  # a failure prints its example; shrinking over a pipe is slow


def test_generated_requests_all_get_answers(raw: RawServer):
    sent: list[int] = []

    @settings(max_examples=150, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck), phases=NO_SHRINK)
    @given(method=st.sampled_from(METHODS), params=lsp_params, as_notification=st.booleans())
    def send_one(method, params, as_notification):
        TRIED["count"] += 1
        if method == "initialize" or method == "textDocument/inlineCompletion" and as_notification:
            return
        if as_notification:
            raw.notify(method, params)
            return
        msg_id = next(_ids)
        sent.append(msg_id)
        raw.request(msg_id, method, params)
        answer = raw.response(msg_id, 60)
        assert answer is not None, f"{method} {str(params)[:300]} left unanswered"
        assert ("result" in answer) != ("error" in answer)

    send_one()
    assert len(sent) > 50
    ask(raw, "workspace/executeCommand", {"command": "codewhisperer.resumeAutoSuggestions"})
    still_serving(raw)


def test_generated_byte_damage_never_kills_the_server(raw: RawServer):
    rng = random.Random(7)
    good = _frame(_req(1))

    @settings(max_examples=120, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck), phases=NO_SHRINK)
    @given(cut=st.integers(0, len(good)), noise=st.binary(max_size=64), flip=st.integers(0, len(good) - 1))
    def damage(cut, noise, flip):
        TRIED["count"] += 1
        data = bytearray(good[:cut] + noise + good[cut:])
        data[flip] ^= rng.randrange(1, 256)
        raw.send_raw(bytes(data) + b"\r\n")

    damage()
    # resynchronise on a clean frame: whatever the damage, this one is answered
    sent = []
    for _ in range(20):
        sent.append(next(_ids))
        raw.send_raw(b"\r\n\r\n" + _frame(_req(sent[-1])))
        raw.pump(1.0)
        if any(msg_id in raw.answers for msg_id in sent):
            break
    else:
        pytest.fail("the stream never resynchronised after damaged bytes")
    raw.null_id_errors.clear()
    raw.answers.clear()
    still_serving(raw)
