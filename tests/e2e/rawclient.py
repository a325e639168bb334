"""A bare JSON-RPC client over the server's stdio, for frames no well-behaved client would send.

It checks that stdout carries nothing but well-formed frames (`stray` collects anything else),
keeps every message it reads (answers by id, error answers without an id, notifications), and
answers the server's own requests (workspace/configuration, progress) so the server never waits.
"""

from __future__ import annotations

import json
import os
import re
import select
import socket
import subprocess
import sys
import time

_HEADER = re.compile(rb"Content-Length: (\d+)\r\n(?:[A-Za-z-]+: [^\r\n]*\r\n)*\r\n")


class RawServer:
    def __init__(self, env: dict | None = None, stderr=subprocess.DEVNULL):
        self.proc = subprocess.Popen([sys.executable, "-m", "codewhisperer_lsp"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=stderr,
                                     env={**os.environ, **(env or {})})
        self.out = self.proc.stdout  # where frames come from (a socket for TcpRawServer)
        self._buffer = b""
        self.answers: dict = {}  # id -> response
        self.null_id_errors: list[dict] = []
        self.notifications: list[dict] = []
        self.stray = b""  # bytes on stdout that were not a frame: must stay empty

    def alive(self) -> bool:
        return self.proc.poll() is None

    def send_bytes(self, body: bytes) -> None:
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def send_raw(self, data: bytes) -> None:
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message) -> None:
        self.send_bytes(json.dumps(message).encode())

    def request(self, msg_id, method: str, params) -> None:
        self.send({"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params})

    def notify(self, method: str, params) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def _read_message(self, deadline: float):
        while True:
            if self._buffer:
                match = _HEADER.match(self._buffer)
                if match is None and not b"Content-Length: ".startswith(self._buffer[:16]):
                    self.stray += self._buffer[:1]  # not a frame: protocol stream corrupted
                    self._buffer = self._buffer[1:]
                    continue
                if match:
                    start, length = match.end(), int(match.group(1))
                    if len(self._buffer) >= start + length:
                        body = self._buffer[start:start + length]
                        self._buffer = self._buffer[start + length:]
                        return json.loads(body)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            ready, _, _ = select.select([self.out], [], [], remaining)
            if ready:
                chunk = os.read(self.out.fileno(), 1 << 20)
                if not chunk:
                    return None
                self._buffer += chunk

    def _file(self, message: dict) -> None:
        if "method" in message and "id" in message:  # a server request: answer it
            result = [None] if message["method"] == "workspace/configuration" else None
            self.send({"jsonrpc": "2.0", "id": message["id"], "result": result})
        elif "method" in message:
            self.notifications.append(message)
        elif message.get("id") is None:
            self.null_id_errors.append(message)
        else:
            message["_received"] = time.monotonic()  # for latency measurements
            self.answers[message["id"]] = message

    def pump(self, timeout: float) -> None:
        """Read whatever arrives within `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while (message := self._read_message(deadline)) is not None:
            self._file(message)

    def response(self, msg_id, timeout: float = 60.0):
        """The response to `msg_id` (None if none came within `timeout`)."""
        deadline = time.monotonic() + timeout
        while msg_id not in self.answers:
            message = self._read_message(deadline)
            if message is None:
                return None
            self._file(message)
        return self.answers.pop(msg_id)

    def wait_null_errors(self, count: int, timeout: float = 10.0) -> list[dict]:
        deadline = time.monotonic() + timeout
        while len(self.null_id_errors) < count:
            message = self._read_message(deadline)
            if message is None:
                break
            self._file(message)
        return self.null_id_errors

    def initialize(self, options: dict | None = None) -> dict:
        self.request(0, "initialize", {"processId": None, "rootUri": None, "capabilities": {},
                                       "initializationOptions": options})
        result = self.response(0)
        self.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        return result

    def wait_status(self, states=("ready", "failing"), timeout: float = 180.0) -> dict | None:
        deadline = time.monotonic() + timeout
        while True:
            for note in self.notifications:
                if note["method"] == "codewhisperer/status" and note["params"]["state"] in states:
                    return note["params"]
            message = self._read_message(deadline)
            if message is None:
                return None
            self._file(message)

    def close(self) -> None:
        try:
            self.request(999999, "shutdown", None)
            self.response(999999, 10)
            self.send({"jsonrpc": "2.0", "method": "exit"})
            self.proc.wait(10)
        except Exception:
            self.proc.kill()
            self.proc.wait(10)


class TcpRawServer(RawServer):
    """The same client over `codewhisperer-lsp --tcp --port N` on loopback."""

    def __init__(self, port: int, env: dict | None = None, stderr=subprocess.DEVNULL, connect_s: float = 30.0):
        self.proc = subprocess.Popen([sys.executable, "-m", "codewhisperer_lsp", "--tcp", "--port", str(port)],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=stderr,
                                     env={**os.environ, **(env or {})})
        deadline = time.monotonic() + connect_s
        while True:
            try:
                self.sock = socket.create_connection(("127.0.0.1", port), timeout=5)
                break
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        self.sock.settimeout(None)
        self.stdout = self.proc.stdout  # must stay empty: the protocol is on the socket
        self.out = self.sock
        self._buffer = b""
        self.answers, self.null_id_errors, self.notifications, self.stray = {}, [], [], b""

    def send_raw(self, data: bytes) -> None:
        self.sock.sendall(data)


_ids = iter(range(1000, 10**9))


def ask(server: RawServer, method: str, params, timeout: float = 180.0) -> dict:
    """Send a request and wait for its answer, which must come."""
    msg_id = next(_ids)
    server.request(msg_id, method, params)
    answer = server.response(msg_id, timeout)
    assert answer is not None, f"{method} left unanswered"
    return answer


def statuses(server: RawServer) -> list[dict]:
    return [n["params"] for n in server.notifications if n["method"] == "codewhisperer/status"]


def wait_state(server: RawServer, state: str, after: int, timeout: float = 180.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [s for s in statuses(server)[after:] if s["state"] == state]
        if found:
            return found[-1]
        server.pump(0.5)
    raise AssertionError(f"no {state!r} status; got {statuses(server)[after:]}")
