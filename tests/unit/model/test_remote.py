"""The remote engine's client side: streaming, early stop, cancellation, timeouts, auth and the
messages a user sees. The server here is a minimal OpenAI-compatible stub on loopback that streams
a scripted answer; the real engine (llama.cpp's server) is driven in tests/e2e/test_remote_engine.py.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from codewhisperer_lsp.config import parse_settings
from codewhisperer_lsp.model.engine import ModelUnavailable
from codewhisperer_lsp.model.remote import Endpoint, RemoteError, RemoteGenerator
from codewhisperer_lsp.model.runtime import Cancelled, Sampling


class Script:
    pieces = ["return", " a", " +", " b", "\n", "\n", "def", " other"]
    delay_s = 0.0
    status = 200
    key = ""
    seen: list


def _handler(script: Script):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _deny(self) -> bool:
            if script.key and self.headers.get("Authorization") != f"Bearer {script.key}":
                self.send_response(401)
                self.end_headers()
                self.wfile.write(b'{"error": "bad key"}')
                return True
            return False

        def do_GET(self):
            if self._deny():
                return
            body = json.dumps({"data": [{"id": "stub-model"}]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self):
            if self._deny():
                return
            request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            script.seen.append(request)
            self.send_response(script.status)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            try:
                for piece in script.pieces:
                    time.sleep(script.delay_s)
                    event = {"choices": [{"text": piece, "finish_reason": None}]}
                    self.wfile.write(f"data: {json.dumps(event)}\n\n".encode())
                    self.wfile.flush()
                    script.sent += 1
                self.wfile.write(b"data: [DONE]\n\n")
            except (BrokenPipeError, ConnectionResetError):
                script.closed_early = True
    return Handler


@pytest.fixture
def stub():
    script = Script()
    script.seen, script.sent, script.closed_early = [], 0, False
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(script))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    script.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    yield script
    server.shutdown()
    server.server_close()


def _generator(url: str, **kwargs) -> RemoteGenerator:
    return RemoteGenerator(Endpoint(url, **kwargs), ("<|file_sep|>", "<|endoftext|>"))


def test_streams_until_the_stop_rule_and_sends_the_prompt_as_text(stub):
    generator = _generator(stub.url)
    assert generator.model == "stub-model"  # asked the server when no model is set
    result = generator.generate([0] * 5, Sampling(max_new_tokens=40), set(),
                                stop_text=lambda text: "\n" in text, prompt_text="<|fim_prefix|>def add(a, b):\n")
    assert result.text == "return a + b\n" and result.stop_reason == "stop_text"
    request = stub.seen[0]
    assert request["prompt"] == "<|fim_prefix|>def add(a, b):\n" and request["stream"] is True
    assert request["max_tokens"] == 40 and request["temperature"] == 0.0
    assert request["stop"] == ["<|file_sep|>", "<|endoftext|>"] and request["model"] == "stub-model"


def test_a_cancelled_request_stops_reading_and_closes_the_stream(stub):
    stub.delay_s = 0.05
    generator = _generator(stub.url, model="m")
    started = time.monotonic()
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 2

    with pytest.raises(Cancelled):
        generator.generate([0], Sampling(max_new_tokens=40), set(), cancelled=cancelled, prompt_text="x")
    assert time.monotonic() - started < 0.3  # did not wait for all eight pieces
    time.sleep(0.3)
    assert stub.sent < len(stub.pieces)


def test_a_server_that_is_down_gives_the_fix_in_the_message():
    with pytest.raises(RemoteError) as error:
        _generator("http://127.0.0.1:9/v1")
    message = str(error.value)
    assert "http://127.0.0.1:9/v1" in message and "not reachable" in message and "codewhisperer.remote.url" in message
    assert isinstance(error.value, ModelUnavailable)  # the completion path answers nothing, told once


def test_a_slow_server_times_out_at_the_setting(stub):
    stub.delay_s = 0.6
    generator = _generator(stub.url, model="m", timeout_s=0.3)
    started = time.monotonic()
    with pytest.raises(RemoteError, match="did not answer within 0.3 s|took longer"):
        generator.generate([0], Sampling(max_new_tokens=40), set(), prompt_text="x")
    assert time.monotonic() - started < 2


def test_the_api_key_is_sent_and_a_refusal_says_which_setting(stub, monkeypatch):
    stub.key = "s3cret"
    with pytest.raises(RemoteError, match="HTTP 401.*remote.apiKey"):
        _generator(stub.url)
    assert _generator(stub.url, api_key="s3cret").model == "stub-model"
    monkeypatch.setenv("CODEWHISPERER_REMOTE_API_KEY", "s3cret")
    assert _generator(stub.url).model == "stub-model"


def test_remote_settings_are_checked():
    settings, errors = parse_settings({"remote": {"url": "gpu-box:8000", "timeoutSeconds": 0}})
    assert settings.remote.url == "" and settings.remote.timeoutSeconds == 15.0
    assert any("remote.url" in e and "http" in e for e in errors)
    assert any("remote.timeoutSeconds" in e for e in errors)
    settings, errors = parse_settings({"remote": {"url": "https://gpu-box:8000/v1", "model": "qwen"}})
    assert errors == [] and settings.remote.url == "https://gpu-box:8000/v1"
