"""The code-reference log: a durable record of every accepted suggestion with a reference.

Users (and their organisation) rely on this log to know where licensed code entered
their files, so an entry must never be lost: each append is fsync'ed, a failed write
(disk full, read-only volume) keeps the entry in memory and retries on the next
append or flush, and by itself after a growing delay (RETRY_FIRST_S doubling up to
RETRY_MAX_S), so it reaches the disk once there is room even if nothing else is
accepted. A line torn by a kill is skipped on read instead of breaking it, and the
next append starts on a fresh line.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from pathlib import Path
from typing import Iterable

log = logging.getLogger(__name__)

LOG_NAME = "code-references.jsonl"
RETRY_FIRST_S = 5.0
RETRY_MAX_S = 300.0


def format_message(code: str, references: Iterable, file: str, start_line: int, end_line: int) -> str:
    """The guide's line for an accepted recommendation with references."""
    refs = [r.to_dict() if hasattr(r, "to_dict") else r for r in references]
    licenses = ", ".join(dict.fromkeys(r.get("licenseName", "") for r in refs)) or "unknown license"
    repos = ", ".join(dict.fromkeys(r.get("repository", "") for r in refs)) or "unknown repository"
    return (f"Accepted recommendation with code {code} provided with reference under {licenses} "
            f"from repository {repos}. Added to {file} (lines from {start_line} to {end_line}).")


class ReferenceLog:
    """Append-only JSON-lines log in the state folder, readable page by page."""

    def __init__(self, state_dir: Path | str, retry_first_s: float = RETRY_FIRST_S) -> None:
        self.path = Path(state_dir) / LOG_NAME
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._pending: list[str] = []
        self._lock = threading.Lock()
        self._retry_first_s = retry_first_s
        self._retry_s = retry_first_s
        self._timer: threading.Timer | None = None

    @property
    def pending(self) -> int:
        """Entries held in memory because writing them failed."""
        return len(self._pending)

    def append(self, entry: dict) -> bool:
        """Queue ``entry`` and write everything queued; False when it is still only in memory."""
        line = json.dumps(entry, ensure_ascii=False, separators=(",", ":"), default=str)
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: escaped, so it can never block the queue
            line = json.dumps(entry, ensure_ascii=True, separators=(",", ":"), default=str)
        with self._lock:
            self._pending.append(line)
            return self._write_pending()

    def flush(self) -> bool:
        """Retry writing entries a previous failure kept in memory."""
        with self._lock:
            return self._write_pending()

    def _write_pending(self) -> bool:
        if not self._pending:
            return True
        data = "".join(line + "\n" for line in self._pending).encode("utf-8")
        try:
            self._write(data)
        except OSError as exc:
            log.warning("reference log write failed (%s); keeping %d entries in memory, retrying in %.0f s",
                        exc, len(self._pending), self._retry_s)
            self._schedule_retry()
            return False
        self._pending.clear()
        self._retry_s = self._retry_first_s
        return True

    def _schedule_retry(self) -> None:
        if self._timer is not None and self._timer.is_alive():
            return
        self._timer = threading.Timer(self._retry_s, self._retry)
        self._timer.daemon = True
        self._timer.name = "reference-log-retry"
        self._timer.start()
        self._retry_s = min(self._retry_s * 2, RETRY_MAX_S)

    def _retry(self) -> None:
        with self._lock:
            self._timer = None
            if self._write_pending():
                log.info("reference log: entries kept in memory are now written")

    def _write(self, data: bytes) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            size = os.fstat(fd).st_size
            if size and os.pread(fd, 1, size - 1) != b"\n":
                data = b"\n" + data  # never glue a new entry onto a line torn by a kill
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view):]
                os.fsync(fd)
            except OSError:
                self._truncate(fd, size)  # the retry rewrites these entries: no duplicates
                raise
        finally:
            os.close(fd)

    @staticmethod
    def _truncate(fd: int, size: int) -> None:
        try:
            os.ftruncate(fd, size)
        except OSError:
            log.warning("could not undo a partial reference log write; the torn line is skipped on read")

    def _entries(self) -> list[dict]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            raw = b""
        entries = []
        for line in raw.split(b"\n"):
            if not line.strip():
                continue
            try:
                entries.append(json.loads(line))
            except ValueError:
                log.warning("skipping a torn or corrupt line in %s", self.path)
        return entries + [json.loads(line) for line in self._pending]

    def read(self, offset: int = 0, limit: int = 100) -> dict:
        """{entries: [...], total}: a page of entries, oldest first, unwritten ones included."""
        with self._lock:
            entries = self._entries()
        return {"entries": entries[max(0, offset):max(0, offset) + max(0, limit)], "total": len(entries)}
