"""The FingerprintStore on PostgreSQL: one index for a team, built by an admin job, read by
every developer's server.

Same tables and answers as ``SQLiteStore``: lookups return rows in the order SQLite does
(by chunk of keys, then hash, file, line) so the matcher ranks candidates identically.

Writing (the admin job, ``writer=True``): each source is replaced in one transaction under
an advisory lock on its key, so builders of different sources run side by side and a
killed build leaves every committed source serving. Fingerprints go in with binary COPY;
into an empty table the hash index is dropped and built once at the end (bulk load),
otherwise rows are staged and inserted in index order. Once an index has been published
complete, a later incremental build does not take it back to "not ready".

Reading (a server): read-only, every query under a deadline, through ``pg_reader.Reader``;
while the database is unreachable or unbuilt the store answers nothing and reports itself
not complete, exactly like an SQLite index that is still building.
"""

from __future__ import annotations

import logging
import time
from typing import Iterable, Iterator, Sequence

import numpy as np

from . import pg_url
from .pg_reader import OnChange, Reader
from .store import BOILERPLATE_FILES, FileInfo, IndexedFile, SourceRecord

log = logging.getLogger(__name__)

SCHEMA_VERSION = "1"
_CHUNK = 500  # as SQLiteStore: its answer order is per chunk of keys
_FILE_BATCH = 2000
_GLOBAL_LOCK = 0x6377726566  # advisory lock for schema, index and boilerplate maintenance
_INDEX = "ref_fingerprints_hash"
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS ref_meta(key text PRIMARY KEY, value text);
CREATE TABLE IF NOT EXISTS ref_sources(
    key text PRIMARY KEY, name text, version text, signature text, license text,
    repository text, files integer, fingerprints bigint, indexed_at double precision);
CREATE SEQUENCE IF NOT EXISTS ref_files_id_seq;
CREATE TABLE IF NOT EXISTS ref_files(
    id bigint PRIMARY KEY, source_key text NOT NULL, path text, rel_path text, license text, url text);
CREATE INDEX IF NOT EXISTS ref_files_source ON ref_files(source_key);
CREATE TABLE IF NOT EXISTS ref_fingerprints(hash bigint NOT NULL, file_id bigint NOT NULL, line integer NOT NULL);
CREATE INDEX IF NOT EXISTS {_INDEX} ON ref_fingerprints(hash, file_id, line);
CREATE TABLE IF NOT EXISTS ref_common(hash bigint PRIMARY KEY);
"""
_COPY_ROW = np.dtype([("n", ">i2"), ("l1", ">i4"), ("hash", ">i8"), ("l2", ">i4"), ("file", ">i8"),
                      ("l3", ">i4"), ("line", ">i4")])
_COPY_HEADER = b"PGCOPY\n\xff\r\n\x00" + b"\x00" * 8
_COPY_TRAILER = b"\xff\xff"


def copy_payload(hashes: np.ndarray, files: np.ndarray, lines: np.ndarray) -> bytes:
    """Rows (hash, file_id, line) in PostgreSQL's binary COPY format."""
    rows = np.empty(len(hashes), _COPY_ROW)
    rows["n"], rows["l1"], rows["l2"], rows["l3"] = 3, 8, 8, 4
    rows["hash"], rows["file"], rows["line"] = hashes, files, lines
    return _COPY_HEADER + rows.tobytes() + _COPY_TRAILER


class PostgresStore:
    """FingerprintStore on PostgreSQL; ``writer=False`` (a server) never writes."""

    def __init__(self, url: str, writer: bool = False, statement_timeout_ms: int = 150, deadline_ms: int = 300,
                 on_change: OnChange | None = None) -> None:
        if problem := pg_url.problem(url):
            raise ValueError(problem)
        self.url, self.writer, self.shown = url, writer, pg_url.redact(url)
        self._reader: Reader | None = None
        self._conn = None
        self._bulk: bool | None = None
        self._orphans = False
        if writer:
            self._open_writer()
        else:
            self._reader = Reader(url, statement_timeout_ms, deadline_ms, on_change=on_change,
                                  schema_version=SCHEMA_VERSION)

    # -- state --------------------------------------------------------------------
    @property
    def available(self) -> bool:
        return self._reader.available if self._reader else self._conn is not None

    @property
    def unavailable_reason(self) -> str:
        return self._reader.reason if self._reader and not self._reader.available else ""

    def wait_available(self, timeout: float = 5.0) -> bool:
        return self._reader.wait_available(timeout) if self._reader else True

    def close(self) -> None:
        if self._reader:
            self._reader.close()
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def check_integrity(self) -> bool:
        return True  # PostgreSQL keeps its own; nothing to move aside

    def _open_writer(self) -> None:
        import psycopg

        try:
            self._conn = psycopg.connect(self.url, autocommit=True, **pg_url.connect_options(False, 0))
        except psycopg.Error as exc:
            raise ConnectionError(f"reference database {self.shown}: {pg_url.scrub(str(exc).strip(), self.url)}") from None
        with self._conn.transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_GLOBAL_LOCK,))
            self._conn.execute(_SCHEMA)
            self._conn.execute("INSERT INTO ref_meta VALUES('schema', %s) ON CONFLICT DO NOTHING", (SCHEMA_VERSION,))
            version = self._conn.execute("SELECT value FROM ref_meta WHERE key='schema'").fetchone()[0]
        if version != SCHEMA_VERSION:
            raise ConnectionError(f"reference database {self.shown} has schema {version}, not {SCHEMA_VERSION}")

    # -- reading --------------------------------------------------------------------
    def _read(self, query, default):
        if self._reader is not None:
            return self._reader.read(query, default)
        import psycopg

        try:
            return query(self._conn)
        except psycopg.Error as exc:  # the admin job stops with a clear message, no password in it
            raise ConnectionError(f"reference database {self.shown}: {pg_url.scrub(str(exc).strip(), self.url)}") from None

    def is_complete(self) -> bool:
        return self._read(lambda c: (c.execute("SELECT value FROM ref_meta WHERE key='complete'").fetchone()
                                     or [None])[0] == "1", False)

    def sources(self) -> dict[str, SourceRecord]:
        rows = self._read(lambda c: c.execute(
            "SELECT key, name, version, signature, license, repository, files, fingerprints FROM ref_sources").fetchall(),
            [])
        return {r[0]: SourceRecord(*r) for r in rows}

    def counts(self) -> dict[str, int]:
        row = self._read(lambda c: c.execute("SELECT COUNT(*), COALESCE(SUM(files),0), COALESCE(SUM(fingerprints),0) "
                                             "FROM ref_sources").fetchone(), None)
        if not row:
            return {"sources": 0, "files": 0, "fingerprints": 0}
        return {"sources": int(row[0]), "files": int(row[1]), "fingerprints": int(row[2])}

    def lookup(self, hashes: Sequence[int]) -> dict[int, list[tuple[int, int]]]:
        """hash -> [(file_id, line)], boilerplate hashes left out; one round trip."""
        keys = list(dict.fromkeys(hashes))
        if not keys:
            return {}
        rows = self._read(lambda c: c.cursor(binary=True).execute(
            "SELECT f.hash, f.file_id, f.line FROM ref_fingerprints f WHERE f.hash = ANY(%s::int8[]) "
            "AND NOT EXISTS (SELECT 1 FROM ref_common c WHERE c.hash = f.hash) ORDER BY 1, 2, 3",
            (keys,)).fetchall(), [])
        by_hash: dict[int, list[tuple[int, int]]] = {}
        for h, file_id, line in rows:
            by_hash.setdefault(h, []).append((file_id, line))
        out: dict[int, list[tuple[int, int]]] = {}
        for i in range(0, len(keys), _CHUNK):  # SQLite's order: chunk by chunk, each sorted by hash
            for h in sorted(keys[i:i + _CHUNK]):
                if h in by_hash:
                    out[h] = by_hash[h]
        return {h: rows for h, rows in out.items() if len({f for f, _ in rows}) <= BOILERPLATE_FILES}

    def file_info(self, file_ids: Iterable[int]) -> dict[int, FileInfo]:
        ids = list(dict.fromkeys(file_ids))
        if not ids:
            return {}
        rows = self._read(lambda c: c.execute(
            "SELECT f.id, f.source_key, f.path, f.rel_path, f.license, f.url, s.repository "
            "FROM ref_files f JOIN ref_sources s ON s.key = f.source_key WHERE f.id = ANY(%s::int8[])",
            (ids,)).fetchall(), [])
        return {int(r[0]): FileInfo(int(r[0]), *r[1:]) for r in rows}

    # -- writing (the admin job) ------------------------------------------------------
    def _writing(self):
        if not self.writer or self._conn is None:
            raise PermissionError("this reference store is read-only (a server never writes the shared index)")
        return self._conn

    def write_source(self, source: SourceRecord, files: Iterable[IndexedFile]) -> None:
        """Replace one source atomically; other builders' sources are not blocked."""
        conn = self._writing()
        bulk = self._bulk_mode(conn)
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (source.key,))
            self._delete_source(conn, source.key)
            n_files = n_fps = 0
            for batch in _batches(files, _FILE_BATCH):
                n_files += len(batch)
                n_fps += sum(len(f.fingerprints) for f in batch)
                self._insert_batch(conn, source.key, batch, bulk)
            conn.execute("INSERT INTO ref_sources VALUES(%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                         (source.key, source.name, source.version, source.signature, source.license,
                          source.repository, n_files, n_fps, time.time()))

    def _bulk_mode(self, conn) -> bool:
        """Into an empty table: drop the hash index now and build it once at the end."""
        if self._bulk is None:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (_GLOBAL_LOCK,))
                empty = conn.execute("SELECT NOT EXISTS (SELECT 1 FROM ref_fingerprints)").fetchone()[0]
                if empty:
                    conn.execute(f"DROP INDEX IF EXISTS {_INDEX}")
                self._bulk = empty or not self._has_index(conn)
            if self._bulk:
                log.info("reference database %s: bulk load (index built at the end)", self.shown)
        return self._bulk

    @staticmethod
    def _has_index(conn) -> bool:
        return conn.execute("SELECT to_regclass(%s) IS NOT NULL", (_INDEX,)).fetchone()[0]

    @staticmethod
    def _insert_batch(conn, key: str, batch: list[IndexedFile], bulk: bool) -> None:
        ids = [r[0] for r in conn.execute("SELECT nextval('ref_files_id_seq') FROM generate_series(1, %s)",
                                          (len(batch),)).fetchall()]
        with conn.cursor().copy("COPY ref_files(id, source_key, path, rel_path, license, url) FROM STDIN") as copy:
            for file_id, f in zip(ids, batch):
                copy.write_row((file_id, key, f.path, f.rel_path, f.license, f.url))
        hashes, owners, lines = [], [], []
        for file_id, f in zip(ids, batch):
            unique = dict.fromkeys(f.fingerprints)  # SQLite's primary key drops repeats within a file
            hashes.extend(h for h, _ in unique)
            lines.extend(line for _, line in unique)
            owners.extend([file_id] * len(unique))
        if not hashes:
            return
        payload = copy_payload(np.array(hashes, np.int64), np.array(owners, np.int64), np.array(lines, np.int32))
        target = "ref_fingerprints" if bulk else "ref_staging"
        if not bulk:
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS ref_staging(hash bigint, file_id bigint, line integer) "
                         "ON COMMIT DELETE ROWS")
        with conn.cursor().copy(f"COPY {target}(hash, file_id, line) FROM STDIN (FORMAT BINARY)") as copy:
            copy.write(payload)
        if not bulk:  # in index order: each index page is visited once, not once per row
            conn.execute("INSERT INTO ref_fingerprints SELECT * FROM ref_staging ORDER BY 1, 2, 3")
            conn.execute("TRUNCATE ref_staging")

    def _delete_source(self, conn, key: str) -> None:
        # As in SQLiteStore: the source's fingerprints stay as orphans until collect_garbage.
        if conn.execute("DELETE FROM ref_files WHERE source_key=%s", (key,)).rowcount:
            self._orphans = True
        conn.execute("DELETE FROM ref_sources WHERE key=%s", (key,))

    def remove_source(self, key: str) -> None:
        conn = self._writing()
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (key,))
            self._delete_source(conn, key)

    def collect_garbage(self) -> int:
        """Delete fingerprints of files no longer present (only after this builder removed some)."""
        conn = self._writing()
        if not self._orphans:
            return 0
        cur = conn.execute("DELETE FROM ref_fingerprints f WHERE NOT EXISTS "
                           "(SELECT 1 FROM ref_files WHERE id = f.file_id)")
        self._orphans = False
        return cur.rowcount

    def refresh_common(self, threshold: int = BOILERPLATE_FILES) -> int:
        conn = self._writing()
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_GLOBAL_LOCK,))
            conn.execute("DELETE FROM ref_common")
            conn.execute("INSERT INTO ref_common SELECT hash FROM ref_fingerprints GROUP BY hash "
                         "HAVING COUNT(DISTINCT file_id) > %s", (threshold,))
        return conn.execute("SELECT COUNT(*) FROM ref_common").fetchone()[0]

    def set_complete(self, complete: bool) -> None:
        """Publish the index (building its hash index first); never un-publish a published one."""
        conn = self._writing()
        if not complete:
            conn.execute("INSERT INTO ref_meta VALUES('complete', '0') ON CONFLICT DO NOTHING")
            return
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_GLOBAL_LOCK,))
            if not self._has_index(conn):
                conn.execute("SET LOCAL maintenance_work_mem = '512MB'")
                conn.execute(f"CREATE INDEX {_INDEX} ON ref_fingerprints(hash, file_id, line)")
            conn.execute("INSERT INTO ref_meta VALUES('complete', '1') ON CONFLICT (key) DO UPDATE SET value='1'")
        self._bulk = None
        for table in ("ref_fingerprints", "ref_common", "ref_files"):  # visibility map: index-only lookups
            conn.execute(f"VACUUM (ANALYZE) {table}")


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
