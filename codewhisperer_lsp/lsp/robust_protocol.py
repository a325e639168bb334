"""A protocol that answers every request, even one whose params fail to parse, and the stdio loop
that feeds it.

pygls drops such a request without a response (the id is lost when deserialisation fails), and
an editor then waits forever. Here the id is kept and an InvalidParams error goes back. Damaged
frames (see framing.py) cost at most themselves; a request whose id can still be read is answered
with an error; stdout carries nothing but protocol.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import logging
import os
import socket
import sys
import threading
from typing import Any, BinaryIO
from urllib.parse import unquote

import attrs
from pygls.exceptions import JsonRpcException, JsonRpcInvalidRequest, JsonRpcParseError
from lsprotocol import types
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method

from codewhisperer_lsp.context.positions import LineIndex

from codewhisperer_lsp.lsp.framing import (Frame, FrameReader, decode_text, has_lone_surrogates,
                                           replace_lone_surrogates, request_id)

log = logging.getLogger(__name__)


class _Answered:
    """Stands in for a message that was already answered with an error."""

    jsonrpc = None


class RobustProtocol(LanguageServerProtocol):
    def structure_message(self, data: dict[str, Any]):
        try:
            message = super().structure_message(data)
        except JsonRpcException as exc:
            if "id" in data and "method" in data:
                method, msg_id = data.get("method"), _valid_id(data["id"])
                log.warning("invalid message for %.100r (id %r): answered with %s", method, msg_id, exc.code)
                if msg_id is None:
                    self.answer_error(None, JsonRpcInvalidRequest("a request id must be a string or an integer"))
                else:
                    self.answer_error(msg_id, type(exc)(f"invalid params for {method}"))
                return _Answered()
            if "id" in data:
                return _Answered()  # a malformed response from the client: nothing to answer
            if "method" in data:
                log.warning("dropping malformed notification %.100r", data.get("method"))
                return _Answered()
            self.answer_error(None, JsonRpcInvalidRequest("neither a request, a notification nor a response"))
            return _Answered()
        if "id" in data and "method" in data and not isinstance(message, dict) and not hasattr(message, "id"):
            # a notification method sent with an id: the id would be dropped and the client left waiting
            msg_id = _valid_id(data["id"])
            log.warning("%.100r is a notification but came with id %r: answered with an error", data["method"], msg_id)
            self.answer_error(msg_id, JsonRpcInvalidRequest(f"{data['method']} is a notification: send it without an id"))
            return _Answered()
        return message

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams):
        """pygls' handler splits lines on form feeds and U+2028 too (LSP splits on \\r, \\n only),
        fails on a document that was never opened and drops edits past the end; here edits are
        applied with LSP's line rules, clamped into the document, and unknown documents ignored."""
        uri = params.text_document.uri
        document = self.workspace.text_documents.get(unquote(uri))
        if document is None:
            log.warning("didChange for a document that is not open (%.200s): ignored", uri)
            return
        text = document.source
        for change in params.content_changes:
            text = apply_change(text, change)
        document._source = text
        document.version = params.text_document.version
        if (user_handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield user_handler, (params,), None

    def answer_error(self, msg_id, error: JsonRpcException) -> None:
        """An error answer to a message that never reached a handler (id None if unknown)."""
        self._send_response(msg_id, error=error.to_response_error())

    def handle_message(self, message):
        if isinstance(message, _Answered):
            return
        if getattr(message, "jsonrpc", None) != self.VERSION:
            log.warning("not a JSON-RPC 2.0 message: %.200r", message)
            fields = _fields(message)
            if fields is None or ("id" in fields) == ("method" in fields):  # a request, or no message at all
                msg_id = _valid_id(fields.get("id")) if fields else None
                self.answer_error(msg_id, JsonRpcInvalidRequest("not a JSON-RPC 2.0 request"))
            return
        super().handle_message(message)


def apply_change(text: str, change) -> str:
    """One content change applied to `text`: a whole-document change, or a range (LSP positions,
    UTF-16 units) clamped into the document."""
    change_range = getattr(change, "range", None)
    if change_range is None:
        return change.text
    index = LineIndex(text)
    if change_range.start.line >= index.line_count or change_range.end.line >= index.line_count:
        log.warning("an edit reaches past the end of the document (line %d of %d): clamped; the editor "
                    "and the server may be out of step", change_range.end.line, index.line_count)
    start = index.offset(change_range.start.line, change_range.start.character)
    end = max(start, index.offset(change_range.end.line, change_range.end.character))
    return text[:start] + change.text + text[end:]


def _fields(message) -> dict | None:
    if isinstance(message, dict):
        return message
    if attrs.has(type(message)):
        return {name: getattr(message, name) for name in ("id", "method") if hasattr(message, name)}
    return None


def _valid_id(value) -> int | str | None:
    return value if isinstance(value, (int, str)) and not isinstance(value, bool) else None


# --- the stdio loop -----------------------------------------------------------------------------
class _LockedWriter:
    """One frame per write, whole, whichever thread sends it (status from the model loader...)."""

    def __init__(self, stream: BinaryIO):
        self._stream = stream
        self._lock = threading.Lock()

    def write(self, data: bytes) -> None:
        with self._lock:
            self._stream.write(data)
            self._stream.flush()

    def close(self) -> None:
        with self._lock:
            self._stream.close()


def protect_stdout() -> BinaryIO:
    """The protocol gets a private copy of stdout; file descriptor 1 and `sys.stdout` then point at
    stderr, so a stray print (ours, a library's, a child process's) can never corrupt the stream."""
    protocol_fd = os.dup(1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return os.fdopen(protocol_fd, "wb", buffering=0)


def serve_stdio(server, stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> None:
    """pygls' stdio server, with a reader that survives damaged frames (see framing.py)."""
    server._stop_event = threading.Event()
    server.protocol.set_writer(_LockedWriter(stdout or protect_stdout()))
    reader = FrameReader(stdin or sys.stdin.buffer)
    try:
        asyncio.run(_read_loop(server, reader))
    except BrokenPipeError:
        log.error("the connection to the editor is lost: shutting down")
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.shutdown()


def serve_tcp(server, host: str, port: int) -> None:
    """One editor over TCP, with the same damage-tolerant reader as stdio; ends when it disconnects."""
    server._stop_event = threading.Event()
    with socket.create_server((host, port)) as listener:
        log.info("listening on %s:%d", host, listener.getsockname()[1])
        connection, peer = listener.accept()
    log.info("editor connected from %s", peer)
    with connection:
        server.protocol.set_writer(_LockedWriter(connection.makefile("wb", buffering=0)))
        reader = FrameReader(connection.makefile("rb"))
        try:
            asyncio.run(_read_loop(server, reader))
        except (BrokenPipeError, ConnectionResetError):
            log.error("the connection to the editor is lost: shutting down")
        except (KeyboardInterrupt, SystemExit):
            pass
        finally:
            server.shutdown()


async def _read_loop(server, reader: FrameReader) -> None:
    loop = asyncio.get_running_loop()
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="stdin")
    try:
        while not server._stop_event.is_set():
            frame = await loop.run_in_executor(pool, reader.next_frame)
            if frame is None:
                break
            try:
                _dispatch(server.protocol, frame)
            except Exception:  # one bad message must never end the loop
                log.exception("unable to handle a message")
    finally:
        pool.shutdown(wait=False)


def _dispatch(protocol: RobustProtocol, frame: Frame) -> None:
    text = decode_text(frame.body)
    if frame.stray:
        msg_id = request_id(text)
        log.warning("%s: %d bytes skipped%s", frame.problem, len(frame.body),
                    f" (request {msg_id!r} answered with an error)" if msg_id is not None else "")
        if msg_id is not None:
            protocol.answer_error(msg_id, JsonRpcInvalidRequest(f"damaged message: {frame.problem}"))
        return
    try:
        data = json.loads(text)
    except ValueError as exc:
        msg_id = request_id(text)
        log.warning("message is not JSON (%s)%s", exc, f"; {frame.problem}" if frame.problem else "")
        protocol.answer_error(msg_id, JsonRpcParseError(f"message is not valid JSON: {exc}"))
        return
    if has_lone_surrogates(text):
        data = replace_lone_surrogates(data)
    protocol.handle_message(protocol.structure_message(data) if isinstance(data, dict) else data)
