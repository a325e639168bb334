"""A reference look-up that meets a database locked by another process waits at most a moment
and answers nothing, so a suggestion is never held up by the index."""

from __future__ import annotations

import sqlite3
import time

from codewhisperer_lsp.references.store import READ_BUSY_MS, IndexedFile, SourceRecord, SQLiteStore


def test_lookup_on_a_locked_database_answers_nothing_quickly(tmp_path):
    path = tmp_path / "references.sqlite"
    store = SQLiteStore(path)
    store.write_source(SourceRecord("a", "a", "1", "sig", "MIT", "repo"), [IndexedFile("/x", "x", "MIT", "u", [(1, 1)])])
    assert store.lookup([1]) == {1: [(1, 1)]}
    store.close()  # the server between look-ups in this thread; another process now takes the file
    holder = sqlite3.connect(path, isolation_level=None, timeout=5)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        started = time.monotonic()
        assert store.lookup([1]) == {}
        assert store.file_info([1]) == {}
        elapsed = time.monotonic() - started
        assert elapsed < 2 * (2 * READ_BUSY_MS / 1000) + 0.5, elapsed
        assert not store.broken  # busy is not damage: nothing moved aside
        assert not list(tmp_path.glob("*.broken-*"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert store.lookup([1]) == {1: [(1, 1)]}  # the lock gone, answers are back
