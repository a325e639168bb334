"""Nothing reaches the network at run time: every internet socket the server (or a scanner it
starts) tries to open is recorded and refused, while completions, scans of every engine, the
reference tracker and the log all keep working; what the server writes is user-only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.e2e.rawclient import RawServer
from tests.e2e.test_faults import ask, complete, diagnostics, open_doc, scan

SITECUSTOMIZE = textwrap.dedent('''\
    import json, os, socket

    _LOG = os.environ["CW_NET_LOG"]
    _INTERNET = (socket.AF_INET, socket.AF_INET6)


    def _record(what, address):
        with open(_LOG, "a") as handle:
            handle.write(json.dumps({"pid": os.getpid(), "what": what, "address": repr(address)}) + "\\n")
        raise OSError(101, "network blocked by the test")


    _connect, _connect_ex, _sendto = socket.socket.connect, socket.socket.connect_ex, socket.socket.sendto


    def connect(self, address):
        if self.family in _INTERNET:
            _record("connect", address)
        return _connect(self, address)


    def connect_ex(self, address):
        if self.family in _INTERNET:
            _record("connect_ex", address)
        return _connect_ex(self, address)


    def sendto(self, data, *args):
        if self.family in _INTERNET:
            _record("sendto", args[-1])
        return _sendto(self, data, *args)


    _getaddrinfo = socket.getaddrinfo


    def getaddrinfo(host, *args, **kwargs):
        if host not in (None, "localhost", "127.0.0.1", "::1"):
            _record("getaddrinfo", host)
        return _getaddrinfo(host, *args, **kwargs)


    socket.socket.connect, socket.socket.connect_ex, socket.socket.sendto = connect, connect_ex, sendto
    socket.getaddrinfo = getaddrinfo
    ''')

PY = ("python", "import subprocess\nimport requests\n\n\ndef fetch(url):\n    subprocess.call('curl ' + url, shell=True)\n"
                "    return requests.get(url, verify=False)\n\n\ndef add(a, b):\n    ")
JS = ("javascript", "const cp = require('child_process');\nmodule.exports = (q) => { cp.exec('ls ' + q); eval(q); };\n")


def test_no_internet_socket_is_opened(tmp_path: Path):
    inject = tmp_path / "inject"
    inject.mkdir()
    (inject / "sitecustomize.py").write_text(SITECUSTOMIZE)
    log = tmp_path / "net.jsonl"
    log.touch()
    work = tmp_path / "work"
    work.mkdir()
    docs = []
    for name, (language, text) in {"app.py": PY, "app.js": JS}.items():
        (work / name).write_text(text)
        docs.append(((work / name).as_uri(), language, text))
    env = {"PYTHONPATH": str(inject), "CW_NET_LOG": str(log), "CODEWHISPERER_STATE_DIR": str(tmp_path / "state")}
    # the guard itself works: a Python process with this environment has its connection recorded
    probe = subprocess.run([sys.executable, "-c", "import socket\ntry:\n socket.create_connection(('192.0.2.1', 80), 0.1)\n"
                            "except OSError:\n pass"], env={**os.environ, **env}, timeout=60)
    assert probe.returncode == 0 and "192.0.2.1" in log.read_text()
    log.write_text("")
    server = RawServer(env=env)
    try:
        assert server.initialize({"codewhisperer": {"numSuggestions": 2, "maxNewTokens": 24}})["result"]
        assert server.wait_status()["state"] == "ready"
        for doc in docs:
            open_doc(server, doc)
        items = complete(server, docs[0])
        assert items, "no completion with the network blocked"
        ask(server, "workspace/executeCommand", {"command": "codewhisperer.acceptSuggestion",
                                                  "arguments": [items[0]["command"]["arguments"][0]]})
        for doc in docs:
            result = scan(server, doc)
            assert result["status"] == "Succeeded" and result["findings"] >= 2, result
            assert diagnostics(server, doc[0])
        answer = ask(server, "codewhisperer/findReferences", {"text": "def add(a, b):\n    return a + b\n"})
        assert "references" in answer["result"]
        ask(server, "codewhisperer/getMetrics", {})
        assert server.alive()
    finally:
        server.close()
    attempts = [json.loads(line) for line in log.read_text().splitlines()]
    assert attempts == [], attempts
    # what the server wrote (metrics, reference log, pause state) is the user's alone
    written = list((tmp_path / "state").rglob("*"))
    assert written
    for path in written:
        assert path.stat().st_mode & 0o077 == 0, f"{path} is readable by others: {oct(path.stat().st_mode)}"
