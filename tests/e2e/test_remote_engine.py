"""The remote engine against a real inference server on loopback: llama.cpp's server
(llama-cpp-python, built by bench/setup_peers.sh) serving the same GGUF the default model is built
from, spoken to over the OpenAI-compatible completions API. Then the server goes away: the user is
told once what to fix, requests answer nothing, and suggestions come back when it returns.
"""

from __future__ import annotations

import ast
import asyncio
import json
import socket
import subprocess
import tempfile
import time
import urllib.request
from contextlib import contextmanager

import pytest
import pytest_asyncio
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from codewhisperer_lsp.model.registry import default_model
from codewhisperer_lsp.paths import cache_dir
from tests.e2e.conftest import SERVER, cursor_of, open_doc, server_env, start_session
from tests.e2e.interaction_helpers import metrics, timed_complete

SOURCE = "def add(a, b):\n    <|>\n"
STARTUP_S = 180


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _peer_python():
    python = cache_dir() / "llama-env" / "bin" / "python"
    if not python.exists():
        pytest.fail("llama.cpp's server is not built: run bench/setup_peers.sh (the README's test command does)")
    return python


@contextmanager
def llama_server(port: int):
    gguf = cache_dir() / "gguf" / f"{default_model()}.gguf"
    assert gguf.is_file(), f"{gguf} is missing: run `codewhisperer-lsp model build`"
    log = tempfile.TemporaryFile()  # not a pipe: its log would fill one and stall the server
    process = subprocess.Popen(
        [str(_peer_python()), "-m", "llama_cpp.server", "--model", str(gguf), "--host", "127.0.0.1",
         "--port", str(port), "--n_ctx", "2048", "--n_threads", "2", "--model_alias", "qwen-coder"],
        stdout=subprocess.DEVNULL, stderr=log)
    try:
        deadline = time.monotonic() + STARTUP_S
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/models", timeout=2) as answer:
                    assert json.load(answer)["data"][0]["id"] == "qwen-coder"
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise AssertionError("llama.cpp's server did not start: "
                                         + log.read().decode(errors="replace")[-2000:])
                time.sleep(0.5)
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def _options(url: str) -> dict:
    return {"codewhisperer": {"numSuggestions": 1, "remote": {"url": url, "timeoutSeconds": 30.0}}}


@pytest_asyncio.fixture
async def client(tmp_path):
    client = await ClientServerConfig(SERVER, server_env=server_env(str(tmp_path))).start()
    yield client
    await client.shutdown_session()
    await client.stop()


async def _wait_for_state(client: LanguageClient, state: str, since: int = 0, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for status in reversed(client.statuses[since:]):
            current = status["state"] if isinstance(status, dict) else status.state
            if current == state:
                return status["message"] if isinstance(status, dict) else status.message
        await asyncio.sleep(0.1)
    raise AssertionError(f"the server never reported {state}: {client.statuses}")


async def test_suggestions_from_llama_cpp_server_and_a_clear_error_when_it_goes_away(client: LanguageClient):
    port = _free_port()
    text, line, character = cursor_of(SOURCE)
    uri = "file:///work/remote.py"
    with llama_server(port) as url:
        await start_session(client, _options(url))
        ready = await _wait_for_state(client, "ready")
        assert url in ready and "qwen-coder" in ready, ready  # the status says who answers
        open_doc(client, uri, "python", text)
        items, remote_ms = await timed_complete(client, uri, line, character, invoked=True)
        assert items, "the remote engine gave no suggestion"
        suggestion = items[0].insert_text
        assert "return" in suggestion and "a" in suggestion and "b" in suggestion, suggestion
        ast.parse(text[:len(text) - 1] + suggestion + "\n")  # the whole file still parses
        used = await metrics(client)
        assert used["modelCalls"] >= 1
    # llama.cpp's server is gone now
    client.messages.clear()
    started = time.perf_counter()
    first, _ = await timed_complete(client, uri, line, character, invoked=True)
    second, _ = await timed_complete(client, uri, line, character, invoked=True)
    assert first == [] and second == []
    assert time.perf_counter() - started < 10  # refused at once, not after the 30 s timeout
    told = [m.message for m in client.messages if "not reachable" in m.message]
    assert len(told) == 1 and url in told[0] and "codewhisperer.remote.url" in told[0], told
    # it comes back on another port: the new setting is picked up without a restart
    port = _free_port()
    with llama_server(port) as url:
        seen = len(client.statuses)
        client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=_options(url)))
        assert url in await _wait_for_state(client, "ready", since=seen)
        items = []
        for _ in range(20):
            items, _ = await timed_complete(client, uri, line, character, invoked=True)
            if items:
                break
            await asyncio.sleep(0.5)
        assert items and "return" in items[0].insert_text
    print(f"\nremote engine (llama.cpp server, same GGUF): first suggestion {remote_ms:.0f} ms")


async def test_a_remote_url_that_is_not_http_is_refused_with_the_fix(client: LanguageClient):
    await start_session(client, {"codewhisperer": {"remote": {"url": "gpu-box:8000"}}})
    await asyncio.sleep(0.2)
    told = [m.message for m in client.messages]
    assert any("remote.url" in m and "http" in m for m in told), told
    assert any((s["state"] if isinstance(s, dict) else s.state) == "ready" for s in client.statuses)  # local model
