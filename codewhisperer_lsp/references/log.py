"""The code-reference log: a durable record of every accepted suggestion with a reference.

Users (and their organisation) rely on this log to know where licensed code entered
their files, so an entry must never be lost: each append is fsync'ed, a failed write
(disk full, read-only volume) keeps the entry in memory and retries on the next
append or flush, and by itself after a growing delay (RETRY_FIRST_S doubling up to
RETRY_MAX_S), so it reaches the disk once there is room even if nothing else is
accepted. A line torn by a kill is skipped on read instead of breaking it, and the
next append starts on a fresh line.

Memory alone would not survive the process being killed while the disk is still full, so
a failed write also saves the waiting entries into the reserve (``log_reserve``): a file
of fixed size next to the log, allocated while there was room and written in place. The
order makes every entry land in the log exactly once: the log is written and fsync'ed
first, and only then the reserve is cleared. A kill in between leaves entries in both,
so each entry carries a unique ``logId`` and the next start appends only the reserve's
entries whose id is not in the log yet, then clears the reserve and restores its
allocation. Entries that do not fit in the reserve stay in memory only (with a
warning). ``read`` shows the log, then what waits (memory and reserve); the ``logId`` is
internal and not shown.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import uuid
from pathlib import Path
from typing import Iterable

from codewhisperer_lsp.references.log_reserve import HEADER, Reserve

log = logging.getLogger(__name__)

LOG_NAME = "code-references.jsonl"
RESERVE_NAME = "code-references.reserve"
ID_FIELD = "logId"  # unique per entry: how a restart tells the reserve's entries already in the log
RETRY_FIRST_S = 5.0
RETRY_MAX_S = 300.0


def format_message(code: str, references: Iterable, file: str, start_line: int, end_line: int) -> str:
    """The guide's line for an accepted recommendation with references."""
    refs = [r.to_dict() if hasattr(r, "to_dict") else r for r in references]
    licenses = ", ".join(dict.fromkeys(r.get("licenseName", "") for r in refs)) or "unknown license"
    repos = ", ".join(dict.fromkeys(r.get("repository", "") for r in refs)) or "unknown repository"
    return (f"Accepted recommendation with code {code} provided with reference under {licenses} "
            f"from repository {repos}. Added to {file} (lines from {start_line} to {end_line}).")




def _id_of(line: str) -> str | None:
    """The ``logId`` of a JSON line; None for a torn line or an entry written before ids existed."""
    try:
        entry = json.loads(line)
    except ValueError:
        return None
    key = entry.get(ID_FIELD) if isinstance(entry, dict) else None
    return key if isinstance(key, str) else None


class ReferenceLog:
    """Append-only JSON-lines log in the state folder, readable page by page."""

    def __init__(self, state_dir: Path | str, retry_first_s: float = RETRY_FIRST_S) -> None:
        self.path = Path(state_dir) / LOG_NAME
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._reserve = Reserve(self.path.with_name(RESERVE_NAME), key=_id_of)
        self._pending: list[tuple[str, str]] = []  # (logId, line) not in the log yet, oldest first
        self._lock = threading.Lock()
        self._retry_first_s = retry_first_s
        self._retry_s = retry_first_s
        self._timer: threading.Timer | None = None
        with self._lock:
            self._write_pending()  # takes the reserve and moves what a killed run left there into the log

    @property
    def pending(self) -> int:
        """Entries not in the log yet because writing them failed (in memory, most also in the reserve)."""
        return len(self._pending)

    @property
    def unsaved(self) -> int:
        """Pending entries held only in memory (not in the reserve either): a kill now loses them."""
        with self._lock:
            return sum(1 for key, _ in self._pending if key not in self._reserve.ids)

    def append(self, entry: dict) -> bool:
        """Queue ``entry`` and write everything queued; False when it is not in the log yet.

        An entry not in the log is saved in the reserve when it fits (``unsaved`` tells).
        """
        key = uuid.uuid4().hex
        record = {**entry, ID_FIELD: key}
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":"), default=str)
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: escaped, so it can never block the queue
            line = json.dumps(record, ensure_ascii=True, separators=(",", ":"), default=str)
        with self._lock:
            self._pending.append((key, line))
            return self._write_pending()

    def flush(self) -> bool:
        """Retry writing entries a previous failure kept in memory."""
        with self._lock:
            return self._write_pending()

    def close(self) -> None:
        """Stop retrying and let another process own the reserve (what waits there stays there)."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            self._reserve.close()

    def _take_reserve(self) -> None:
        """Own the reserve if no live process does, queueing what it holds that the log lacks."""
        if self._reserve.owned or not self._reserve.take():
            return
        saved = self._reserve.lines
        if not saved:
            return
        written = self._log_ids()
        queued = {key for key, _ in self._pending}
        recovered = [(key, line) for key, line in saved if key not in written and key not in queued]
        log.info("reference log: %d entries found in the reserve, %d of them not in the log yet",
                 len(saved), len(recovered))
        self._pending[:0] = recovered  # older than anything this process appended
        if not self._pending:
            self._clear_reserve()

    def _write_pending(self) -> bool:
        self._take_reserve()
        if not self._pending:
            return True
        data = "".join(line + "\n" for _, line in self._pending).encode("utf-8")
        try:
            self._write(data)
        except OSError as exc:
            self._save_reserve()
            unsaved = sum(1 for key, _ in self._pending if key not in self._reserve.ids)
            log.warning("reference log write failed (%s); keeping %d entries in memory (%d of them saved in "
                        "the reserve), retrying in %.0f s", exc, len(self._pending),
                        len(self._pending) - unsaved, self._retry_s)
            self._schedule_retry()
            return False
        self._pending.clear()
        self._retry_s = self._retry_first_s
        self._clear_reserve()  # only now: the log holds them, fsync'ed
        return True

    def _save_reserve(self) -> None:
        if not self._reserve.owned:
            return
        try:
            unfit = self._reserve.save(self._pending)
        except OSError as exc:
            log.warning("could not save reference log entries in the reserve (%s); they are only in memory", exc)
            return
        if unfit:
            log.warning("%d reference log entries do not fit in the reserve (%d bytes); a kill before the disk "
                        "has room loses them", unfit, self._reserve.capacity)

    def _clear_reserve(self) -> None:
        if not self._reserve.owned:
            return
        if self._reserve.lines:
            try:
                self._reserve.clear()
            except OSError as exc:  # harmless: the next start skips what the log already holds
                log.warning("could not clear the reference log reserve: %s", exc)
        if self._reserve.capacity + HEADER.size < self._reserve.size:
            self._reserve.allocate()  # there is room again: take back the space given up

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

    def _logged(self) -> list[dict]:
        """The log's entries, ``logId`` included; torn lines skipped."""
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
        return entries

    def _log_ids(self) -> set[str]:
        return {e[ID_FIELD] for e in self._logged() if isinstance(e, dict) and isinstance(e.get(ID_FIELD), str)}

    def _entries(self) -> list[dict]:
        entries = self._logged()
        waiting = list(self._pending)
        if not self._reserve.owned:  # another live process owns the reserve: show what it saved there too
            known = {e.get(ID_FIELD) for e in entries if isinstance(e, dict)} | {key for key, _ in waiting}
            waiting[:0] = [(key, line) for key, line in self._reserve.peek() if key not in known]
        entries += [json.loads(line) for _, line in waiting]
        for entry in entries:
            if isinstance(entry, dict):
                entry.pop(ID_FIELD, None)
        return entries

    def read(self, offset: int = 0, limit: int = 100) -> dict:
        """{entries: [...], total}: a page of entries, oldest first, unwritten ones included."""
        with self._lock:
            entries = self._entries()
        return {"entries": entries[max(0, offset):max(0, offset) + max(0, limit)], "total": len(entries)}
