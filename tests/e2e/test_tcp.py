"""`codewhisperer-lsp --tcp`: the same damage-tolerant protocol layer as stdio, on loopback."""

from __future__ import annotations

import socket

from tests.e2e.rawclient import TcpRawServer


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_tcp_survives_damaged_frames_and_serves_completions(tmp_path):
    server = TcpRawServer(_free_port(), env={"CODEWHISPERER_STATE_DIR": str(tmp_path)})
    try:
        server.send_raw(b"Content-Length: 12\r\n\r\n{not json!!}")  # invalid JSON
        server.send_raw(b"Content-Length: x\r\n\r\n")  # a damaged header
        server.request(1, "codewhisperer/noSuchThing", {})
        assert server.response(1)["error"]["code"] == -32601
        assert server.wait_null_errors(1)[0]["error"]["code"] == -32700  # ParseError, with id null
        assert server.initialize({"codewhisperer": {"numSuggestions": 1}})["result"]["capabilities"][
            "inlineCompletionProvider"] is not None
        assert server.wait_status()["state"] == "ready"
        server.notify("textDocument/didOpen", {"textDocument": {
            "uri": "file:///w/t.py", "languageId": "python", "version": 1,
            "text": "def square(x):\n    \n"}})
        server.request(2, "textDocument/inlineCompletion", {
            "textDocument": {"uri": "file:///w/t.py"}, "position": {"line": 1, "character": 4},
            "context": {"triggerKind": 1}})
        answer = server.response(2, timeout=120)
        assert answer["result"]["items"] and "x" in answer["result"]["items"][0]["insertText"]
        server.request(3, "textDocument/inlineCompletion", {"position": {"line": -1}})
        assert server.response(3)["error"]["code"] == -32602
    finally:
        server.close()
    assert server.proc.returncode == 0  # shutdown + exit ended the process
    assert server.stdout.read() == b""  # nothing on stdout: the protocol went over the socket
