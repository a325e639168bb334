"""A bare JSON-RPC client over the server's stdio, for frames no well-behaved client would send."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time


class RawServer:
    def __init__(self, env: dict | None = None):
        self.proc = subprocess.Popen([sys.executable, "-m", "codewhisperer_lsp"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     env={**os.environ, **(env or {})})
        self._buffer = b""

    def send_bytes(self, body: bytes) -> None:
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def send(self, message) -> None:
        self.send_bytes(json.dumps(message).encode())

    def request(self, msg_id, method: str, params) -> None:
        self.send({"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params})

    def _read_message(self, deadline: float):
        while True:
            header_end = self._buffer.find(b"\r\n\r\n")
            if header_end >= 0:
                headers = self._buffer[:header_end].decode()
                length = int(next(h.split(":")[1] for h in headers.split("\r\n") if h.lower().startswith("content-length")))
                start = header_end + 4
                if len(self._buffer) >= start + length:
                    body = self._buffer[start:start + length]
                    self._buffer = self._buffer[start + length:]
                    return json.loads(body)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            ready, _, _ = select.select([self.proc.stdout], [], [], remaining)
            if ready:
                chunk = os.read(self.proc.stdout.fileno(), 65536)
                if not chunk:
                    return None
                self._buffer += chunk

    def response(self, msg_id, timeout: float = 30.0):
        """The response to `msg_id`, skipping notifications and answering server requests."""
        deadline = time.monotonic() + timeout
        while True:
            message = self._read_message(deadline)
            if message is None:
                return None
            if message.get("id") == msg_id and "method" not in message:
                return message
            if "method" in message and "id" in message:  # e.g. workspace/configuration
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": [None]})

    def initialize(self) -> dict:
        self.request(0, "initialize", {"processId": None, "rootUri": None, "capabilities": {}})
        result = self.response(0)
        self.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        return result

    def close(self) -> None:
        try:
            self.request(999999, "shutdown", None)
            self.response(999999, 10)
            self.send({"jsonrpc": "2.0", "method": "exit"})
            self.proc.wait(10)
        except Exception:
            self.proc.kill()
