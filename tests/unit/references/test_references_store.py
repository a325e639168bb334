"""The SQLite store: round trips, boilerplate filtering, and recovery from damage."""

from __future__ import annotations

import sqlite3

import pytest

from codewhisperer_lsp.references.store import BOILERPLATE_FILES, IndexedFile, SourceRecord, SQLiteStore


def _source(key="s", signature="v1"):
    return SourceRecord(key, key, "1", signature, "MIT", "https://example.org/" + key)


def _file(name, fps):
    return IndexedFile("/x/" + name, name, "MIT", "u/" + name, fps)


def test_write_lookup_and_remove(tmp_path):
    store = SQLiteStore(tmp_path / "i.sqlite")
    store.write_source(_source("a"), [_file("a.py", [(11, 1), (12, 5)])])
    store.write_source(_source("b"), [_file("b.py", [(11, 3)])])
    found = store.lookup([11, 12, 99])
    assert sorted(len(v) for v in found.values()) == [1, 2] and 99 not in found
    assert store.counts() == {"sources": 2, "files": 2, "fingerprints": 3}
    store.remove_source("a")
    ids = {f for rows in store.lookup([11, 12]).values() for f, _ in rows}
    assert set(store.file_info(ids)) == {i for i in ids if store.file_info([i])}
    assert [info.rel_path for info in store.file_info(ids).values()] == ["b.py"]
    assert store.collect_garbage() == 2


def test_rewrite_replaces_a_source(tmp_path):
    store = SQLiteStore(tmp_path / "i.sqlite")
    store.write_source(_source("a"), [_file("a.py", [(1, 1)])])
    store.write_source(_source("a", "v2"), [_file("a.py", [(2, 1)])])
    assert store.sources()["a"].signature == "v2"
    assert store.counts()["files"] == 1


def test_failed_write_leaves_nothing(tmp_path):
    store = SQLiteStore(tmp_path / "i.sqlite")

    def files():
        yield _file("a.py", [(1, 1)])
        raise RuntimeError("killed")

    with pytest.raises(RuntimeError):
        store.write_source(_source("a"), files())
    assert store.sources() == {} and store.lookup([1]) == {}


def test_boilerplate_hashes_are_ignored(tmp_path):
    store = SQLiteStore(tmp_path / "i.sqlite")
    files = [_file(f"f{i}.py", [(7, 1), (1000 + i, 2)]) for i in range(BOILERPLATE_FILES + 1)]
    store.write_source(_source("a"), files)
    assert 7 not in store.lookup([7, 1000])
    assert 1000 in store.lookup([7, 1000])
    store.refresh_common()
    assert store.lookup([7]) == {}


def test_corrupt_file_is_moved_aside(tmp_path):
    path = tmp_path / "i.sqlite"
    path.write_bytes(b"this is not sqlite" * 500)
    store = SQLiteStore(path)
    assert store.lookup([1]) == {} and store.counts()["files"] == 0
    assert list(tmp_path.glob("i.sqlite.broken-*"))
    store.write_source(_source("a"), [_file("a.py", [(1, 1)])])
    assert store.lookup([1])


def test_damage_found_during_lookup_never_raises(tmp_path, monkeypatch):
    store = SQLiteStore(tmp_path / "i.sqlite")
    store.write_source(_source("a"), [_file("a.py", [(1, 1)])])

    def malformed(*_):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(store, "_lookup", malformed)
    assert store.lookup([1]) == {}
    monkeypatch.undo()
    assert store.lookup([1]) == {}  # rebuilt empty until the next build
    assert list(tmp_path.glob("i.sqlite.broken-*"))


def test_locked_database_at_open_is_replaced(tmp_path):
    path = tmp_path / "i.sqlite"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("CREATE TABLE t(x)")
    holder.execute("BEGIN EXCLUSIVE")
    store = SQLiteStore(path, busy_timeout_s=0.1)
    assert not store.broken
    store.write_source(_source("a"), [_file("a.py", [(1, 1)])])
    assert store.lookup([1])
    holder.close()
