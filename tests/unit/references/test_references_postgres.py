"""The reference index on a real PostgreSQL: the same answers as SQLite, a read-only server,
atomic and concurrent builds, and a store that is never in the way of a suggestion."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import psycopg
import pytest
from references_helpers import STDLIB, copy_corpus, folder_index

from codewhisperer_lsp.references import pg_url
from codewhisperer_lsp.references.index import ReferenceIndex
from codewhisperer_lsp.references.pg_store import PostgresStore
from codewhisperer_lsp.references.store import IndexedFile, SourceRecord

BENCH = Path(__file__).resolve().parents[3] / "bench"
sys.path.insert(0, str(BENCH))
import references_bench  # noqa: E402
from references_fresh import FRESH_SNIPPETS  # noqa: E402

HEAPQ_PART = "\n".join((STDLIB / "heapq.py").read_text().split("\n")[200:215])


def shared_index(url: str, cache: Path, folders: list[dict], writer: bool, **kw) -> ReferenceIndex:
    return ReferenceIndex(cache, extra_folders=folders, workers=0, include_stdlib=False, include_installed=False,
                          database=url, database_writer=writer, **kw)


def build_shared(url: str, cache: Path, folders: list[dict], **kw) -> dict:
    index = shared_index(url, cache, folders, writer=True, **kw)
    try:
        index.build().join()
        return index.status()
    finally:
        index.close()


def reader(url: str, cache: Path, **kw) -> ReferenceIndex:
    index = shared_index(url, cache, [], writer=False, **kw)
    index.store.wait_available(10)
    return index


def psf_folder(path: Path) -> dict:
    return {"path": str(path), "license": "PSF-2.0", "url": "https://example.org/psf/{path}"}


def answer(refs) -> list[tuple]:
    return [(r.path, r.license_name, r.repository, r.url, r.start, r.end, r.lexemes, r.tier) for r in refs]


# -- same answers ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def bench_corpus(tmp_path_factory) -> list[dict]:
    """Stdlib packages under PSF-2.0, and one module again under MIT (same code, two licenses)."""
    root = tmp_path_factory.mktemp("bench-corpus")
    for package in ("json", "email", "asyncio", "logging", "concurrent"):
        shutil.copytree(STDLIB / package, root / "psf" / package, ignore=shutil.ignore_patterns("__pycache__"))
    copy_corpus(root / "psf")
    mit = copy_corpus(root / "mit", ["heapq.py", "textwrap.py"])
    return [psf_folder(root / "psf"), {"path": str(mit), "license": "MIT", "url": "https://example.org/mit"}]


def bench_queries(index: ReferenceIndex) -> list[str]:
    """The reference benchmark's queries: verbatim and renamed 10-line snippets, and fresh code."""
    rng = random.Random(20240611)
    files = [(info.path, info.license) for info in
             index.store.file_info(range(1, 10_000)).values() if info.path.endswith(".py")]
    verbatim = references_bench.sample_snippets(sorted(files), 50, rng)
    renamed = [references_bench.rename_and_reflow(text)[0] for _, _, text in verbatim]
    return [text for _, _, text in verbatim] + renamed + list(FRESH_SNIPPETS)


def test_same_references_as_sqlite_on_the_reference_benchmark_queries(pg_db, bench_corpus, tmp_path):
    local = folder_index(tmp_path / "sqlite", bench_corpus)
    local.build().join()
    status = build_shared(pg_db.builder_url, tmp_path / "pg-build", bench_corpus)
    shared = reader(pg_db.reader_url, tmp_path / "pg-read")
    try:
        assert status["state"] == "ready" and status["fingerprints"] == local.status()["fingerprints"] > 10_000
        queries = bench_queries(local)
        assert len(queries) >= 100
        local_answers = [answer(local.find_references(q)) for q in queries]
        shared_answers = [answer(shared.find_references(q)) for q in queries]
        assert sum(1 for a in local_answers if a) >= 80  # the comparison is not over empty answers
        assert any(len(a) >= 2 for a in local_answers)  # identical code under two licenses is reported twice
        assert shared_answers == local_answers
    finally:
        local.close()
        shared.close()


# -- the server only reads -------------------------------------------------------------
def test_server_store_is_read_only(pg_db, tmp_path):
    build_shared(pg_db.builder_url, tmp_path / "b", [psf_folder(copy_corpus(tmp_path / "psf"))])
    store = PostgresStore(pg_db.builder_url, writer=False)  # even with a role that could write
    try:
        assert store.wait_available(10)
        with pytest.raises(PermissionError):
            store.write_source(SourceRecord("k", "n", "", "", "MIT", ""), [])
        failure = []
        store._reader.read(lambda c: c.execute("DELETE FROM ref_meta"), None)  # refused by the session itself
        store._reader.read(lambda c: failure.append(c.execute("SHOW default_transaction_read_only").fetchone()[0]), None)
        assert failure == ["on"]
        assert store.is_complete()
    finally:
        store.close()


# -- builds ---------------------------------------------------------------------------
def test_incremental_build_rewrites_only_the_changed_source_and_collects_its_orphans(pg_db, tmp_path):
    a, b = copy_corpus(tmp_path / "a", ["heapq.py"]), copy_corpus(tmp_path / "b", ["textwrap.py"])
    folders = [psf_folder(a), psf_folder(b)]
    build_shared(pg_db.builder_url, tmp_path / "c", folders)
    with psycopg.connect(pg_db.builder_url) as conn:
        before = dict(conn.execute("SELECT key, indexed_at FROM ref_sources").fetchall())
        rows_before = conn.execute("SELECT COUNT(*) FROM ref_fingerprints").fetchone()[0]
    (a / "heapq.py").write_text((a / "heapq.py").read_text() + "\n\ndef extra():\n    return 1\n")
    build_shared(pg_db.builder_url, tmp_path / "c", folders)
    with psycopg.connect(pg_db.builder_url) as conn:
        after = dict(conn.execute("SELECT key, indexed_at FROM ref_sources").fetchall())
        rows_after = conn.execute("SELECT COUNT(*) FROM ref_fingerprints").fetchone()[0]
        orphans = conn.execute("SELECT COUNT(*) FROM ref_fingerprints f WHERE NOT EXISTS "
                               "(SELECT 1 FROM ref_files WHERE id = f.file_id)").fetchone()[0]
    key_a, key_b = f"folder:{a.resolve()}", f"folder:{b.resolve()}"
    assert after[key_b] == before[key_b] and after[key_a] > before[key_a]
    assert orphans == 0 and rows_before - 5 <= rows_after <= rows_before + 5


def test_builders_of_different_sources_share_the_database_without_pruning_each_other(pg_db, tmp_path):
    a, b = copy_corpus(tmp_path / "a", ["heapq.py", "bisect.py"]), copy_corpus(tmp_path / "b", ["textwrap.py"])
    results = []
    threads = [threading.Thread(target=lambda f=f, n=n: results.append(
        build_shared(pg_db.builder_url, tmp_path / f"c{n}", [psf_folder(f)]))) for n, f in enumerate((a, b))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    final = reader(pg_db.reader_url, tmp_path / "r")
    try:
        assert final.status()["sources"] == 2 and final.status()["state"] == "ready"
        assert final.find_references(HEAPQ_PART)
        assert final.find_references("\n".join((b / "textwrap.py").read_text().split("\n")[100:115]))
    finally:
        final.close()
    build_shared(pg_db.builder_url, tmp_path / "c0", [psf_folder(a)], prune=True)  # now a owns the whole index
    with psycopg.connect(pg_db.builder_url) as conn:
        assert [r[0] for r in conn.execute("SELECT key FROM ref_sources")] == [f"folder:{a.resolve()}"]


def test_the_same_source_written_twice_at_once_is_stored_once(pg_db, tmp_path):
    stores = [PostgresStore(pg_db.builder_url, writer=True) for _ in range(2)]
    fps = [(h * 7919 - 2**62, h % 400) for h in range(20_000)]
    files = [IndexedFile("/x/a.py", "a.py", "MIT", "", fps), IndexedFile("/x/b.py", "b.py", "MIT", "", fps[:5000])]
    source = SourceRecord("folder:/x", "x", "", "sig", "MIT", "")
    threads = [threading.Thread(target=s.write_source, args=(source, files)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stores[0].collect_garbage()
    with psycopg.connect(pg_db.builder_url) as conn:
        live = conn.execute("SELECT COUNT(*) FROM ref_fingerprints f JOIN ref_files x ON x.id = f.file_id").fetchone()[0]
        assert conn.execute("SELECT COUNT(*) FROM ref_files").fetchone()[0] == 2
    assert live == 25_000
    for s in stores:
        s.close()


def test_a_build_killed_midway_leaves_the_previous_index_serving(pg_db, tmp_path):
    build_shared(pg_db.builder_url, tmp_path / "b", [psf_folder(copy_corpus(tmp_path / "psf"))])
    key = f"folder:{(tmp_path / 'psf').resolve()}"
    child = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import time
        from codewhisperer_lsp.references.pg_store import PostgresStore, _FILE_BATCH
        from codewhisperer_lsp.references.store import IndexedFile, SourceRecord
        def files():
            for n in range(_FILE_BATCH + 1):
                if n == _FILE_BATCH:
                    print("copied", flush=True)  # the first batch is in the open transaction
                    time.sleep(120)
                yield IndexedFile(f"/new/{{n}}.py", "x.py", "MIT", "", [(n, 1)])
        PostgresStore({pg_db.builder_url!r}, writer=True).write_source(
            SourceRecord({key!r}, "psf", "", "new", "MIT", ""), files())
        """)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "copied"
    finally:
        child.kill()
        child.wait()
    served = reader(pg_db.reader_url, tmp_path / "r")
    try:
        assert served.status()["state"] == "ready" and served.status()["files"] == 6
        refs = served.find_references(HEAPQ_PART)
        assert refs and refs[0].license_name == "PSF-2.0"
    finally:
        served.close()


# -- faults ---------------------------------------------------------------------------
class Told:
    def __init__(self) -> None:
        self.events: list[tuple[bool, str]] = []

    def __call__(self, available: bool, reason: str) -> None:
        self.events.append((available, reason))


def wait_for(predicate, timeout: float = 15.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def own_cluster(tmp_path):
    """A cluster of its own, to be stopped and started by the test."""
    from pg_helpers import new_database, start_cluster

    cluster = start_cluster(tmp_path)
    yield new_database(cluster)
    cluster.remove()


def test_database_down_at_start_and_midway_answers_nothing_fast_tells_once_and_reconnects(own_cluster, tmp_path):
    db = own_cluster
    build_shared(db.builder_url, tmp_path / "b", [psf_folder(copy_corpus(tmp_path / "psf"))])
    db.cluster.stop()
    told = Told()
    index = shared_index(db.reader_url, tmp_path / "r", [], writer=False, on_database_change=told)
    try:
        assert not index.store.wait_available(10)
        for _ in range(20):  # many suggestions while it is down: each answers at once, the user hears once
            started = time.perf_counter()
            assert index.find_references(HEAPQ_PART) == []
            assert time.perf_counter() - started < 0.05
        assert index.status()["state"] == "unavailable" and not index.store.is_complete()
        assert told.events == [(False, told.events[0][1])]
        db.cluster.restart()
        assert wait_for(lambda: index.find_references(HEAPQ_PART))
        assert index.status()["state"] == "ready" and told.events[-1][0] is True

        db.cluster.stop()  # midway
        assert wait_for(lambda: not index.find_references(HEAPQ_PART) and index.status()["state"] == "unavailable")
        for _ in range(20):
            assert index.find_references(HEAPQ_PART) == []
        assert [e[0] for e in told.events] == [False, True, False]
        db.cluster.restart()
        assert wait_for(lambda: index.find_references(HEAPQ_PART))
        assert [e[0] for e in told.events] == [False, True, False, True]
    finally:
        index.close()


def test_a_slow_database_cannot_hold_a_suggestion_past_its_bound(pg_db, tmp_path):
    build_shared(pg_db.builder_url, tmp_path / "b", [psf_folder(copy_corpus(tmp_path / "psf"))])
    index = reader(pg_db.reader_url, tmp_path / "r")
    assert index.find_references(HEAPQ_PART)
    blocker = psycopg.connect(pg_db.builder_url)
    try:
        blocker.execute("LOCK TABLE ref_fingerprints IN ACCESS EXCLUSIVE MODE")  # every read now waits
        timings = []
        for _ in range(5):
            started = time.perf_counter()
            assert index.find_references(HEAPQ_PART) == []
            timings.append(time.perf_counter() - started)
        assert max(timings) < 0.6, timings  # deadline 300 ms (statement_timeout 150 ms) plus the matcher
        blocker.rollback()
        assert wait_for(lambda: index.find_references(HEAPQ_PART), 5)
        assert index.status()["state"] == "ready"  # slow is not down
    finally:
        blocker.close()
        index.close()


def test_the_password_is_never_logged(pg_db, tmp_path, caplog, monkeypatch, capsys):
    caplog.set_level("DEBUG")
    monkeypatch.delenv("PGPASSFILE")
    secret = "wrong-Secret-31415"
    monkeypatch.setenv("PGPASSWORD", secret)
    index = reader(pg_db.reader_url, tmp_path / "r")  # a wrong password from the environment
    assert index.status()["state"] == "unavailable"
    index.close()
    with_password = pg_db.reader_url.replace("cw_reader@", f"cw_reader:{secret}@")
    index = reader(with_password, tmp_path / "r2")  # and one written into the URL
    assert "password" in index.status()["error"] and secret not in index.status()["error"]
    index.close()
    from codewhisperer_lsp.references import cli

    assert cli.main(["--database", with_password, "status"]) == 0
    out = capsys.readouterr()
    assert "unavailable" in out.out and "cw_reader:***@" in out.out
    assert secret not in out.out + out.err + caplog.text
    assert pg_url.redact(f"postgresql://u@h/db?password={secret}") == "postgresql://u@h/db?password=***"


def test_a_frozen_database_backend_is_abandoned_and_replaced(pg_db, tmp_path):
    """A server that stops answering mid-query (not even cancelling): each suggestion still goes
    out within the deadline, and the reader moves to a fresh connection by itself."""
    import os
    import signal

    build_shared(pg_db.builder_url, tmp_path / "b", [psf_folder(copy_corpus(tmp_path / "psf"))])
    index = reader(pg_db.reader_url, tmp_path / "r")
    frozen = index.store._reader._conn.info.backend_pid
    os.kill(frozen, signal.SIGSTOP)
    try:
        timings = []
        for _ in range(5):
            started = time.perf_counter()
            assert index.find_references(HEAPQ_PART) == []
            timings.append(time.perf_counter() - started)
        assert max(timings) < 0.6, timings
        assert wait_for(lambda: index.find_references(HEAPQ_PART), 20)  # on a new connection
        assert index.store._reader._conn.info.backend_pid != frozen
    finally:
        os.kill(frozen, signal.SIGCONT)
        index.close()


def test_the_build_command_against_an_unreachable_or_wrong_database_fails_clearly(capsys):
    from codewhisperer_lsp.references import cli
    from tests.e2e.pg_cluster import free_port

    url = f"postgresql://cw_builder:Secret-271828@127.0.0.1:{free_port()}/refs"
    assert cli.main(["build", "--database", url, "--folders-only"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: reference database postgresql://cw_builder:***@127.0.0.1")
    assert "Secret-271828" not in err and "Traceback" not in err
    assert cli.main(["build", "--database", "mysql://u@h/db"]) == 2
    assert "must start with postgresql://" in capsys.readouterr().err
