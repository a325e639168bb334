"""Reading LSP frames (`Content-Length` header, blank line, JSON body) from a byte stream that may
be damaged: a missing, non-numeric, negative or absurd length, a length that is too short or too
long, bytes between frames, invalid UTF-8 and lone UTF-16 surrogates in the body.

The reader never gives up on the stream: after a bad header it resynchronises on the next
`Content-Length` line, and a body that swallowed the start of the next frame is split again, so
one damaged frame costs at most that frame. Plain blocking code over a binary file object, run on
a worker thread by the server loop; unit-testable with `io.BytesIO`.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from typing import Any, BinaryIO

log = logging.getLogger(__name__)

MAX_BODY = 256 * 1024 * 1024  # a larger length is taken for garbage (documents of many MB fit)
MAX_LINE = 64 * 1024  # header lines are read in pieces of at most this size
MAX_STRAY = 1024 * 1024  # stray bytes kept to recover a request id from
_LENGTH = re.compile(rb"content-length[ \t]*:[ \t]*([^\r\n]*?)[ \t]*\r?\n\Z", re.IGNORECASE)
_NEXT_HEADER = re.compile(rb"content-length[ \t]*:[ \t]*\d+[ \t]*\r?\n", re.IGNORECASE)
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class Frame:
    """One body read from the stream, or stray bytes met while resynchronising (`stray=True`)."""

    body: bytes
    stray: bool = False
    problem: str = ""  # why the frame was damaged, for the log and the error answer


class FrameReader:
    def __init__(self, stream: BinaryIO):
        self.stream = stream
        self._pushback = b""

    # --- raw reading with a push-back buffer ---
    def _readline(self) -> bytes:
        if self._pushback:
            end = self._pushback.find(b"\n")
            if end >= 0 or len(self._pushback) >= MAX_LINE:
                end = end + 1 if end >= 0 else MAX_LINE
                line, self._pushback = self._pushback[:end], self._pushback[end:]
                return line
            line, self._pushback = self._pushback, b""
            return line + self.stream.readline(MAX_LINE - len(line))
        return self.stream.readline(MAX_LINE)

    def _read(self, n: int) -> bytes:
        data, self._pushback = self._pushback[:n], self._pushback[n:]
        chunks = [data]
        missing = n - len(data)
        while missing > 0:
            chunk = self.stream.read(min(missing, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            missing -= len(chunk)
        return b"".join(chunks)

    # --- frames ---
    def next_frame(self) -> Frame | None:
        """The next body (or stray bytes met on the way); None at the end of the stream."""
        stray = bytearray()
        problem = ""
        length: int | None = None
        while True:
            line = self._readline()
            if not line:
                return Frame(bytes(stray), True, problem or "stream ended") if stray.strip() else None
            match = _LENGTH.search(line)
            if match:
                if line[:match.start()].strip():
                    _keep(stray, line[:match.start()])
                    problem = problem or "bytes outside a frame"
                length, problem = _parse_length(match.group(1), problem)
            elif not line.strip():
                if length is None:
                    continue  # a header block without a usable length: resynchronise
                if stray.strip():
                    self._pushback = b"Content-Length: %d\r\n\r\n" % length + self._pushback
                    return Frame(bytes(stray), True, problem)
                return self._body(length, problem)
            elif not _other_header(line):
                _keep(stray, line)
                problem = problem or "bytes outside a frame"

    def _body(self, length: int, problem: str) -> Frame:
        body = self._read(length)
        nested = _NEXT_HEADER.search(body) if b"\n" in body else None  # a header needs a line end
        if nested and nested.start() > 0 and not _parses(body):
            # the length was too long: the next frame's header is inside this body
            self._pushback = body[nested.start():] + self._pushback
            return Frame(body[:nested.start()], problem="Content-Length longer than the message")
        return Frame(body, problem=problem)


def _other_header(line: bytes) -> bool:
    """Content-Type and other well-formed header lines are allowed and ignored."""
    return len(line) < 1024 and re.match(rb"[A-Za-z][A-Za-z0-9-]*[ \t]*:[^{}\[\]]*\r?\n\Z", line) is not None


def _keep(stray: bytearray, data: bytes) -> None:
    room = MAX_STRAY - len(stray)
    if room > 0:
        stray.extend(data[:room])


def _parse_length(raw: bytes, problem: str) -> tuple[int | None, str]:
    try:
        value = int(raw)
    except ValueError:
        return None, f"invalid Content-Length {raw[:40]!r}"
    if value <= 0 or value > MAX_BODY:
        return None, f"Content-Length {value} out of range (1..{MAX_BODY})"
    return value, problem


def _parses(body: bytes) -> bool:
    try:
        json.loads(body)
        return True
    except ValueError:
        return False


# --- bodies ---
def decode_text(body: bytes) -> str:
    """UTF-8; invalid bytes become U+FFFD (with a warning) rather than losing the message."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        log.warning("message is not valid UTF-8 (%s); invalid bytes replaced by U+FFFD", exc.reason)
        return body.decode("utf-8", errors="replace")


def has_lone_surrogates(text: str) -> bool:
    """Cheap pre-check on the JSON text: only an escape can produce a surrogate after decoding."""
    return _SURROGATE_ESCAPE.search(text) is not None


def replace_lone_surrogates(value: Any) -> Any:
    """Lone surrogates (valid in JS strings, not encodable as UTF-8) become U+FFFD: the same length
    in code points and in UTF-16 units, so positions sent by the editor stay right."""
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value) if _LONE_SURROGATE.search(value) else value
    if isinstance(value, list):
        return [replace_lone_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {replace_lone_surrogates(k): replace_lone_surrogates(v) for k, v in value.items()}
    return value


def request_id(text: str) -> int | str | None:
    """The id of a request in a damaged message, when it can still be read."""
    try:
        data = json.loads(text)
    except ValueError:
        match = re.search(r'"id"\s*:\s*("(?:[^"\\]|\\.){0,200}"|-?\d{1,18})', text)
        if not match:
            return None
        try:
            data = {"id": json.loads(match.group(1)), "method": ""}
        except ValueError:
            return None
    if isinstance(data, dict) and "method" in data and isinstance(data.get("id"), (int, str)) \
            and not isinstance(data.get("id"), bool):
        return data["id"]
    return None
