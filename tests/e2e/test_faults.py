"""Faults with the real server over stdio: a damaged or missing model, scanners that crash or hang,
a corrupt reference database, no room for the reference log. The server stays up, says what is
wrong and how to fix it, and every other feature keeps working.

Each server gets its own cache folder: a tree of links to the real model files (so one file can
be damaged without touching the real build) and a copy of the reference index.
"""

from __future__ import annotations

import json
import resource
import shutil
import textwrap
import time
from pathlib import Path

import pytest

from codewhisperer_lsp.model import artifacts
from codewhisperer_lsp.model.registry import default_model
from codewhisperer_lsp.paths import cache_dir
from codewhisperer_lsp.references.log import LOG_NAME
from tests.e2e.rawclient import RawServer, ask, statuses, wait_state

PY_DOC = ("file:///w/faults/app.py", "python",
          'import subprocess\n\ndef run(cmd):\n    subprocess.call(cmd, shell=True)\n    return eval(cmd)\n\n'
          'AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"\n\n\ndef add(a, b):\n    ')
SH_DOC = ("file:///w/faults/deploy.sh", "shellscript",
          '#!/bin/bash\nDIR=$1\nrm -rf $DIR/\neval $2\nAWS_SECRET_ACCESS_KEY="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"\n')


def real_model() -> Path:
    folder = artifacts.build_dir(default_model(), "cpu", cache_dir())
    artifacts.verify(folder, "run the set-up script first")
    return folder


def linked_cache(root: Path, copy_index: bool = True) -> Path:
    """A cache folder whose model files are links to the real build's (the index is copied)."""
    real = real_model()
    folder = artifacts.build_dir(default_model(), "cpu", root)
    folder.mkdir(parents=True)
    for path in real.iterdir():
        (folder / path.name).symlink_to(path)
    index = cache_dir() / "references.sqlite"
    if copy_index and index.is_file():
        shutil.copyfile(index, root / "references.sqlite")
    return folder


def start(tmp_path: Path, cache: Path, extra_env: dict | None = None) -> RawServer:
    state = tmp_path / "state"
    state.mkdir(exist_ok=True)
    server = RawServer(env={"CODEWHISPERER_CACHE_DIR": str(cache), "CODEWHISPERER_STATE_DIR": str(state),
                            **(extra_env or {})})
    assert server.initialize({"codewhisperer": {"numSuggestions": 1, "maxNewTokens": 16}})["result"]
    return server


def open_doc(server: RawServer, doc) -> None:
    uri, language, text = doc
    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": language, "version": 1,
                                                            "text": text}})


def complete(server: RawServer, doc=PY_DOC) -> list:
    uri, _, text = doc
    line = text.count("\n")
    character = len(text) - text.rfind("\n") - 1
    answer = ask(server, "textDocument/inlineCompletion", {
        "textDocument": {"uri": uri}, "position": {"line": line, "character": character},
        "context": {"triggerKind": 1}})
    return answer["result"]["items"]


def scan(server: RawServer, doc) -> dict:
    return ask(server, "workspace/executeCommand", {"command": "codewhisperer.startSecurityScan",
                                                    "arguments": [{"uri": doc[0]}]})["result"]


def diagnostics(server: RawServer, uri: str) -> list[dict]:
    server.pump(0.5)
    published = [n["params"] for n in server.notifications
                 if n["method"] == "textDocument/publishDiagnostics" and n["params"]["uri"] == uri]
    return published[-1]["diagnostics"] if published else []


def messages(server: RawServer) -> str:
    return "\n".join(n["params"]["message"] for n in server.notifications
                     if n["method"] in ("window/showMessage", "window/logMessage"))


def test_damaged_model_then_rebuilt_without_a_restart(tmp_path):
    """Truncated weights: failing with the fix, no suggestions, the rest works; the repaired file is
    picked up by the next request; a missing file and codewhisperer.reloadModel work the same way."""
    folder = linked_cache(tmp_path / "cache")
    weights = folder / "model.onnx.data"
    weights.unlink()
    with open(real_model() / "model.onnx.data", "rb") as source:
        weights.write_bytes(source.read(1 << 20))  # truncated to its first MiB
    server = start(tmp_path, tmp_path / "cache")
    try:
        failing = wait_state(server, "failing", 0)
        assert "sha256" in failing["message"] and "codewhisperer-lsp model build" in failing["message"]
        assert "model build" in messages(server)  # the user is told, with the fix
        open_doc(server, PY_DOC)
        assert complete(server) == []  # answered, nothing suggested
        # everything else works
        result = scan(server, PY_DOC)
        assert result["status"] == "Succeeded" and result["findings"] > 0
        assert diagnostics(server, PY_DOC[0])
        assert "references" in ask(server, "codewhisperer/findReferences", {"text": "x = 1\n"})["result"]
        assert "entries" in ask(server, "codewhisperer/getReferenceLog", {})["result"]
        # "rebuilt": the file is right again; the next request notices and loads
        seen = len(statuses(server))
        weights.unlink()
        weights.symlink_to(real_model() / "model.onnx.data")
        # the request notices and starts the load; a manual trigger waits for it (an automatic one would not)
        assert complete(server), "no suggestion after the model was repaired"
        wait_state(server, "ready", seen)
        # a missing file, then the reload command after the fix
        weights.unlink()
        seen = len(statuses(server))
        reloaded = ask(server, "workspace/executeCommand", {"command": "codewhisperer.reloadModel"})["result"]
        assert reloaded["state"] == "failing" and "missing" in reloaded["message"]
        assert "model build" in reloaded["message"]
        complete(server)  # the model loaded earlier may still serve: answered either way
        weights.symlink_to(real_model() / "model.onnx.data")
        reloaded = ask(server, "workspace/executeCommand", {"command": "codewhisperer.reloadModel"})["result"]
        assert reloaded["state"] == "ready", reloaded
        assert complete(server)
        assert server.alive() and server.stray == b""
    finally:
        server.close()


SITECUSTOMIZE = textwrap.dedent('''
    """Test-only fault injection: bandit crashes on every scan, shellcheck hangs past its timeout."""
    from codewhisperer_lsp.security.engines import _subprocess, bandit_engine, shellcheck_engine

    def _crash(self, *args, **kwargs):
        raise RuntimeError("injected crash")

    def _hang(self, path_or_uri, language_id, text):
        _subprocess.run_tool(["sleep", "30"], text, 1.0)  # the real timeout path: EngineTimeout
        return []

    bandit_engine.BanditEngine.scan = _crash
    bandit_engine.BanditEngine.scan_or_none = _crash
    shellcheck_engine.ShellcheckEngine.scan = _hang
''')


def test_a_crashing_and_a_hanging_scanner_leave_the_others_findings(tmp_path):
    inject = tmp_path / "inject"
    inject.mkdir()
    (inject / "sitecustomize.py").write_text(SITECUSTOMIZE)
    server = RawServer(env={"PYTHONPATH": str(inject), "CODEWHISPERER_STATE_DIR": str(tmp_path)})
    try:
        assert server.initialize({"codewhisperer": {"numSuggestions": 1, "maxNewTokens": 16}})["result"]
        assert server.wait_status()["state"] == "ready"
        for doc in (PY_DOC, SH_DOC):
            open_doc(server, doc)
        result = scan(server, PY_DOC)
        assert "injected crash" in result["engineErrors"]["bandit"]
        sources = {d["source"] for d in diagnostics(server, PY_DOC[0])}
        codes = {str(d.get("code")) for d in diagnostics(server, PY_DOC[0])}
        assert result["findings"] >= 2 and sources, sources
        assert not any("bandit" in s for s in sources)
        assert any("B" not in c for c in codes)
        started = time.monotonic()
        result = scan(server, SH_DOC)
        assert "timed out" in result["engineErrors"]["shellcheck"]
        assert time.monotonic() - started < 20
        found = diagnostics(server, SH_DOC[0])
        assert len(found) >= 2, found  # the regex rules (eval) and detect-secrets (the key)
        assert complete(server), "completions stopped working"
        assert server.alive() and server.stray == b""
    finally:
        server.close()


def test_corrupt_reference_database_is_rebuilt_and_completions_go_on(tmp_path):
    cache = tmp_path / "cache"
    linked_cache(cache, copy_index=False)
    (cache / "references.sqlite").write_bytes(b"this is not an SQLite database\n" * 4096)
    server = start(tmp_path, cache)
    try:
        assert wait_state(server, "ready", 0)
        open_doc(server, PY_DOC)
        assert complete(server), "no suggestion while the index is rebuilt"
        moved = list(cache.glob("references.sqlite.broken-*"))
        assert moved, "the damaged database was not moved aside"
        answer = ask(server, "codewhisperer/findReferences", {"text": "import os\n"})["result"]
        assert answer["index"]["state"] in ("building", "ready", "empty")
        assert server.alive() and server.stray == b""
    finally:
        server.close()


def test_reference_database_locked_at_start_is_replaced_and_completions_go_on(tmp_path):
    """Another process holds the index with an exclusive lock when the server starts: the server
    waits its busy timeout, moves the file aside, builds a fresh index, and suggests meanwhile.
    (Once the server has the index open in WAL mode no other process can take such a lock; a
    look-up that meets a lock waits at most 150 ms: tests/unit/reliability/test_index_lock.py.)"""
    import sqlite3

    cache = tmp_path / "cache"
    linked_cache(cache)
    if not (cache / "references.sqlite").is_file():
        pytest.skip("no reference index built yet to lock")
    holder = sqlite3.connect(cache / "references.sqlite", isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    server = start(tmp_path, cache)
    try:
        assert wait_state(server, "ready", 0)
        assert list(cache.glob("references.sqlite.broken-*")), "the locked database was not moved aside"
        open_doc(server, PY_DOC)
        assert complete(server), "no suggestion while the index is rebuilt"
        started = time.monotonic()
        answer = ask(server, "codewhisperer/findReferences", {"text": PY_DOC[2]})["result"]
        assert time.monotonic() - started < 5 and answer["index"]["state"] in ("building", "ready", "empty")
        assert server.alive() and server.stray == b""
    finally:
        server.close()
        holder.execute("ROLLBACK")
        holder.close()


def test_no_room_for_the_reference_log_keeps_the_entry_and_writes_it_later(tmp_path):
    server = start(tmp_path, cache_dir())
    log_path = tmp_path / "state" / LOG_NAME
    try:
        assert server.wait_status()["state"] == "ready"
        accept = {"sessionId": "s1", "itemId": "s1-0", "uri": "file:///w/faults/app.py", "languageId": "python",
                  "text": "def add(a, b):\n    return a + b\n", "position": {"line": 3, "character": 0},
                  "references": [{"licenseName": "MIT", "repository": "example", "url": "https://example.org/x"}]}
        assert ask(server, "workspace/executeCommand", {"command": "codewhisperer.acceptSuggestion",
                                                        "arguments": [accept]})["result"]["referenceLogged"]
        size = log_path.stat().st_size
        hard = resource.prlimit(server.proc.pid, resource.RLIMIT_FSIZE)[1]
        resource.prlimit(server.proc.pid, resource.RLIMIT_FSIZE, (size, hard))  # the disk is full
        accept = {**accept, "sessionId": "s2", "itemId": "s2-0"}
        answer = ask(server, "workspace/executeCommand", {"command": "codewhisperer.acceptSuggestion",
                                                          "arguments": [accept]})
        assert answer["result"]["referenceLogged"], answer
        assert log_path.stat().st_size == size  # not written, nothing half-written
        entries = ask(server, "codewhisperer/getReferenceLog", {})["result"]["entries"]
        assert [e["itemId"] for e in entries] == ["s1-0", "s2-0"]  # kept in memory, still shown
        assert any(n["method"] == "codewhisperer/referenceLog" and n["params"]["itemId"] == "s2-0"
                   for n in server.notifications)
        resource.prlimit(server.proc.pid, resource.RLIMIT_FSIZE, (hard, hard))  # room again
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and log_path.stat().st_size == size:
            time.sleep(0.5)
        on_disk = [json.loads(line)["itemId"] for line in log_path.read_text().splitlines()]
        assert on_disk == ["s1-0", "s2-0"], "the entry kept in memory never reached the disk"
        assert server.alive() and server.stray == b""
    finally:
        server.close()
