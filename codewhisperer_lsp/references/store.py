"""Where fingerprints live: a small storage interface and its SQLite implementation.

The index is a multimap from fingerprint hash to (file, line), queried with a few
hundred keys per suggestion, mostly misses. One SQLite ``WITHOUT ROWID`` table keyed
by hash keeps each lookup a single B-tree descent. The interface is narrow so that a
distributed store (see docs/REFERENCES.md) can replace SQLite without touching the
matcher.

The cache is rebuildable, so a damaged database is never worth an exception in the
editor: it is moved aside, lookups answer nothing, and the next build starts afresh.
Each source is written in one transaction, so a kill mid-build leaves whole sources
only; ``meta.complete`` is set last, so a partial index is never taken as complete.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Protocol, Sequence

log = logging.getLogger(__name__)

SCHEMA_VERSION = "1"
READ_BUSY_MS = 150  # a lookup never waits longer on a lock: the suggestion goes out without references
BOILERPLATE_FILES = 50
_CHUNK = 500

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sources(
    key TEXT PRIMARY KEY, name TEXT, version TEXT, signature TEXT, license TEXT,
    repository TEXT, files INTEGER, fingerprints INTEGER, indexed_at REAL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS files(
    id INTEGER PRIMARY KEY AUTOINCREMENT, source_key TEXT, path TEXT, rel_path TEXT,
    license TEXT, url TEXT);
CREATE INDEX IF NOT EXISTS files_source ON files(source_key);
CREATE TABLE IF NOT EXISTS fingerprints(
    hash INTEGER, file_id INTEGER, line INTEGER, PRIMARY KEY(hash, file_id, line)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS common(hash INTEGER PRIMARY KEY) WITHOUT ROWID;
"""


@dataclass(frozen=True)
class FileInfo:
    """What a reference needs to know about an indexed file."""

    id: int
    source_key: str
    path: str
    rel_path: str
    license: str
    url: str
    repository: str


@dataclass(frozen=True)
class SourceRecord:
    """The stored state of one source, compared with the corpus to find what changed."""

    key: str
    name: str
    version: str
    signature: str
    license: str
    repository: str
    files: int = 0
    fingerprints: int = 0


@dataclass(frozen=True)
class IndexedFile:
    """One file to write: its identity and its (hash, line) fingerprints."""

    path: str
    rel_path: str
    license: str
    url: str
    fingerprints: Sequence[tuple[int, int]]


class FingerprintStore(Protocol):
    """The storage interface the index and matcher depend on."""

    def write_source(self, source: SourceRecord, files: Iterable[IndexedFile]) -> None: ...
    def remove_source(self, key: str) -> None: ...
    def sources(self) -> dict[str, SourceRecord]: ...
    def lookup(self, hashes: Sequence[int]) -> dict[int, list[tuple[int, int]]]: ...
    def file_info(self, file_ids: Iterable[int]) -> dict[int, FileInfo]: ...
    def counts(self) -> dict[str, int]: ...
    def set_complete(self, complete: bool) -> None: ...
    def is_complete(self) -> bool: ...


class SQLiteStore:
    """FingerprintStore on one SQLite file in WAL mode; safe to use from several threads."""

    def __init__(self, path: Path | str, busy_timeout_s: float = 5.0) -> None:
        self.path = Path(path)
        self.busy_timeout_s = busy_timeout_s
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._generation = 0
        self.broken = False
        self._open_checked()

    # -- connections -------------------------------------------------------------
    def _connect(self, busy_ms: int) -> sqlite3.Connection:
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not self.path.exists():
            fd = os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600)
            os.close(fd)
        conn = sqlite3.connect(self.path, timeout=busy_ms / 1000, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA cache_size=-32768")
        return conn

    def _conn(self, busy_ms: int | None = None) -> sqlite3.Connection:
        busy_ms = int(self.busy_timeout_s * 1000) if busy_ms is None else busy_ms
        conn = getattr(self._local, "conn", None)
        if conn is None or getattr(self._local, "generation", -1) != self._generation:
            conn = self._connect(busy_ms)
            self._local.conn, self._local.generation, self._local.busy_ms = conn, self._generation, busy_ms
        if getattr(self._local, "busy_ms", None) != busy_ms:  # reads wait briefly, writes patiently
            conn.execute(f"PRAGMA busy_timeout={busy_ms}")
            self._local.busy_ms = busy_ms
        return conn

    def _open_checked(self) -> None:
        """Open and read the schema back; a damaged (or stuck-locked) file is moved aside."""
        try:
            conn = self._conn()
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "meta" not in tables:
                self._create_schema(conn)
            version = self._meta(conn, "schema")
            if version != SCHEMA_VERSION:
                raise sqlite3.DatabaseError(f"schema {version} != {SCHEMA_VERSION}")
            self.broken = False
        except sqlite3.Error as exc:
            self._recover(exc)

    @staticmethod
    def _create_schema(conn: sqlite3.Connection) -> None:
        conn.executescript(_SCHEMA)
        conn.execute("INSERT OR REPLACE INTO meta VALUES('schema', ?)", (SCHEMA_VERSION,))

    def _recover(self, exc: BaseException) -> None:
        """Move the damaged database aside and start an empty one."""
        log.warning("reference index %s unusable (%s): moving it aside and rebuilding", self.path, exc)
        self.close()
        stamp = time.strftime("%Y%m%d-%H%M%S")
        for suffix in ("", "-wal", "-shm"):
            old = Path(f"{self.path}{suffix}")
            if old.exists():
                try:
                    old.replace(Path(f"{self.path}.broken-{stamp}{suffix}"))
                except OSError:
                    log.exception("could not move %s aside", old)
        self._generation += 1
        try:
            self._create_schema(self._conn())
            self.broken = False
        except sqlite3.Error:
            log.exception("could not create a fresh reference index at %s", self.path)
            self.broken = True

    def check_integrity(self) -> bool:
        """Full quick_check (slow on a big index: run it in the build thread)."""
        try:
            row = self._conn().execute("PRAGMA quick_check").fetchone()
            if row and row[0] == "ok":
                return True
            raise sqlite3.DatabaseError(f"quick_check: {row}")
        except sqlite3.Error as exc:
            self._recover(exc)
            return False

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            try:
                conn.close()
            except sqlite3.Error:
                pass
            self._local.conn = None

    @staticmethod
    def _meta(conn: sqlite3.Connection, key: str) -> str | None:
        row = conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    # -- writing -----------------------------------------------------------------
    def write_source(self, source: SourceRecord, files: Iterable[IndexedFile]) -> None:
        """Replace one source atomically: either all of its files are visible or none."""
        with self._write_lock:
            conn = self._conn()
            conn.execute("BEGIN IMMEDIATE")
            try:
                self._delete_source(conn, source.key)
                n_files, n_fps = self._insert_files(conn, source.key, files)
                conn.execute("INSERT OR REPLACE INTO sources VALUES(?,?,?,?,?,?,?,?,?)",
                             (source.key, source.name, source.version, source.signature, source.license,
                              source.repository, n_files, n_fps, time.time()))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    @staticmethod
    def _insert_files(conn: sqlite3.Connection, key: str, files: Iterable[IndexedFile]) -> tuple[int, int]:
        n_files = n_fps = 0
        for f in files:
            cur = conn.execute("INSERT INTO files(source_key, path, rel_path, license, url) VALUES(?,?,?,?,?)",
                               (key, f.path, f.rel_path, f.license, f.url))
            file_id = cur.lastrowid
            conn.executemany("INSERT OR IGNORE INTO fingerprints VALUES(?,?,?)",
                             ((h, file_id, line) for h, line in f.fingerprints))
            n_files += 1
            n_fps += len(f.fingerprints)
        return n_files, n_fps

    @staticmethod
    def _delete_source(conn: sqlite3.Connection, key: str) -> None:
        # Fingerprints of removed files are left as orphans (deleting them needs a scan
        # of the hash-ordered table); lookups drop ids with no file row, and
        # ``collect_garbage`` removes them in bulk.
        conn.execute("DELETE FROM files WHERE source_key=?", (key,))
        conn.execute("DELETE FROM sources WHERE key=?", (key,))

    def remove_source(self, key: str) -> None:
        with self._write_lock:
            conn = self._conn()
            conn.execute("BEGIN IMMEDIATE")
            self._delete_source(conn, key)
            conn.execute("COMMIT")

    def collect_garbage(self) -> int:
        """Delete orphaned fingerprints; returns how many went."""
        with self._write_lock:
            conn = self._conn()
            cur = conn.execute("DELETE FROM fingerprints WHERE file_id NOT IN (SELECT id FROM files)")
            return cur.rowcount

    def refresh_common(self, threshold: int = BOILERPLATE_FILES) -> int:
        """Remember hashes found in more than ``threshold`` files (license headers, banners)."""
        with self._write_lock:
            conn = self._conn()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("DELETE FROM common")
            conn.execute("INSERT INTO common SELECT hash FROM fingerprints GROUP BY hash "
                         "HAVING COUNT(DISTINCT file_id) > ?", (threshold,))
            conn.execute("COMMIT")
            return conn.execute("SELECT COUNT(*) FROM common").fetchone()[0]

    def set_complete(self, complete: bool) -> None:
        with self._write_lock:
            conn = self._conn()
            conn.execute("INSERT OR REPLACE INTO meta VALUES('complete', ?)", ("1" if complete else "0",))
            if complete:  # fold the WAL back so the index is one compact file at rest
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    # -- reading: never raises into the caller ----------------------------------
    def is_complete(self) -> bool:
        return self._safe(lambda c: self._meta(c, "complete") == "1", False)

    def sources(self) -> dict[str, SourceRecord]:
        rows = self._safe(lambda c: c.execute(
            "SELECT key, name, version, signature, license, repository, files, fingerprints FROM sources").fetchall(), [])
        return {r[0]: SourceRecord(*r) for r in rows}

    def counts(self) -> dict[str, int]:
        row = self._safe(lambda c: c.execute(
            "SELECT COUNT(*), COALESCE(SUM(files),0), COALESCE(SUM(fingerprints),0) FROM sources").fetchone(), None)
        if not row:
            return {"sources": 0, "files": 0, "fingerprints": 0}
        return {"sources": row[0], "files": row[1], "fingerprints": row[2]}

    def lookup(self, hashes: Sequence[int]) -> dict[int, list[tuple[int, int]]]:
        """hash -> [(file_id, line)], boilerplate hashes left out."""
        return self._safe(lambda c: self._lookup(c, list(dict.fromkeys(hashes))), {})

    def _lookup(self, conn: sqlite3.Connection, keys: list[int]) -> dict[int, list[tuple[int, int]]]:
        out: dict[int, list[tuple[int, int]]] = {}
        for i in range(0, len(keys), _CHUNK):
            chunk = keys[i:i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            common = {r[0] for r in conn.execute(f"SELECT hash FROM common WHERE hash IN ({marks})", chunk)}
            chunk = [h for h in chunk if h not in common]
            if not chunk:
                continue
            marks = ",".join("?" * len(chunk))
            for h, file_id, line in conn.execute(
                    f"SELECT hash, file_id, line FROM fingerprints WHERE hash IN ({marks})", chunk):
                out.setdefault(h, []).append((file_id, line))
        # ``common`` is refreshed at the end of a build; this catches what is newer.
        return {h: rows for h, rows in out.items() if len({f for f, _ in rows}) <= BOILERPLATE_FILES}

    def file_info(self, file_ids: Iterable[int]) -> dict[int, FileInfo]:
        ids = list(dict.fromkeys(file_ids))
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self._safe(lambda c: c.execute(
            f"SELECT f.id, f.source_key, f.path, f.rel_path, f.license, f.url, s.repository "
            f"FROM files f JOIN sources s ON s.key = f.source_key WHERE f.id IN ({marks})", ids).fetchall(), [])
        return {r[0]: FileInfo(*r) for r in rows}

    def _safe(self, query, default):
        """Run a read; a damaged database is moved aside, a busy one just answers nothing."""
        if self.broken:
            return default
        try:
            return query(self._conn(READ_BUSY_MS))
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                log.warning("reference index busy, answering nothing: %s", exc)
                return default
            self._recover(exc)
            return default
        except sqlite3.DatabaseError as exc:
            self._recover(exc)
            return default
