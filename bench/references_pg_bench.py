"""The reference index at scale on PostgreSQL and on SQLite, side by side, in one run.

Fingerprints this environment's corpus (stdlib + installed distributions) once, then writes
it ``--copies`` times under other source names into each store (10 M+ fingerprints), in a
throwaway PostgreSQL cluster with durable settings (fsync, full-page writes, synchronous
commit) and in an SQLite file. Measures the bulk-load rate, an incremental update's rate,
the size on disk, and store lookup latency over loopback under ``--clients`` concurrent
querying processes (each a server-like reader sending the reference benchmark's queries'
keys) and alone, and the full matcher's time (lookup + verification) alone; checks that both
stores give identical references through the real matcher. Cleans up after.

    nice -n 10 .venv/bin/python bench/references_pg_bench.py [--copies 4] [--clients 8] [--out FILE]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import multiprocessing
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import references_bench  # noqa: E402
from references_fresh import FRESH_SNIPPETS  # noqa: E402

from codewhisperer_lsp.references import lexer, sources  # noqa: E402
from codewhisperer_lsp.references.index import _indexed_files, _record  # noqa: E402
from codewhisperer_lsp.references.matcher import MAX_KEYS, Matcher  # noqa: E402
from codewhisperer_lsp.references.pg_store import PostgresStore  # noqa: E402
from codewhisperer_lsp.references.store import SQLiteStore  # noqa: E402
from codewhisperer_lsp.references.winnow import fingerprint_batch, tier_kgrams  # noqa: E402
from tests.e2e.pg_cluster import Cluster  # noqa: E402

DURABLE = {"fsync": "on", "full_page_writes": "on", "synchronous_commit": "on", "shared_buffers": "256MB",
           "max_wal_size": "4GB", "checkpoint_timeout": "15min"}
USER, PASSWORD = "cw_bench", "bench-password"


def fingerprint_corpus(limit: int = 0) -> list[tuple[sources.Source, list]]:
    """(source, per-file fingerprints) for the installed corpus, with two worker processes."""
    corpus = sources.enumerate_sources()[:limit or None]
    jobs = [(i, [f.path for f in s.files[j:j + 64]]) for i, s in enumerate(corpus) for j in range(0, len(s.files), 64)]
    results: list[list] = [[] for _ in corpus]
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        for (i, _), found in zip(jobs, pool.map(fingerprint_batch, [paths for _, paths in jobs])):
            results[i].extend(found)
    return list(zip(corpus, results))


def copies(corpus, n: int):
    """The corpus ``n`` times, each copy under its own source keys (same files, same licenses)."""
    for c in range(n):
        for source, found in corpus:
            record = _record(source)
            yield dataclasses.replace(record, key=f"{record.key}#copy{c}"), list(_indexed_files(source, found))


def load(store, corpus, n: int) -> dict:
    started = time.perf_counter()
    fps = 0
    for record, files in copies(corpus, n):
        store.write_source(record, files)
        fps += sum(len(f.fingerprints) for f in files)
    loaded = time.perf_counter() - started
    store.refresh_common()
    store.set_complete(True)
    total = time.perf_counter() - started
    return {"fingerprints": fps, "load_s": round(loaded, 1), "finish_s": round(total - loaded, 1),
            "load_rate": round(fps / loaded), "overall_rate": round(fps / total)}


def incremental(store, corpus, limit: int) -> dict:
    """Re-write sources of copy 0 (an update of existing sources) up to ``limit`` fingerprints."""
    started, fps = time.perf_counter(), 0
    for record, files in copies(corpus, 1):
        store.write_source(dataclasses.replace(record, signature="changed"), files)
        fps += sum(len(f.fingerprints) for f in files)
        if fps >= limit:
            break
    elapsed = time.perf_counter() - started
    store.collect_garbage()
    return {"fingerprints": fps, "seconds": round(elapsed, 1), "rate": round(fps / elapsed)}


def queries(corpus, rng: random.Random) -> list[str]:
    files = sorted((f.path, s.license) for s, _ in corpus for f in s.files if f.path.endswith(".py"))
    verbatim = references_bench.sample_snippets(files, 60, rng)
    renamed = [references_bench.rename_and_reflow(text)[0] for _, _, text in verbatim]
    return [t for _, _, t in verbatim] + renamed + list(FRESH_SNIPPETS)


def _client(kind: str, where: str, texts: list[str], what: str, rounds: int, seed: int, start_at: float,
            pace_s: float = 0.0) -> list:
    """One server-like reader: each query's store lookup (``what="lookup"``) or full matcher time, in ms.
    Closed loop (the next query as soon as one is answered) or, with ``pace_s``, one query every
    ``pace_s`` seconds (a server asking once per suggestion), timed from when it was due, so a query
    that had to wait for the one before it counts its wait."""
    os.environ["PGPASSWORD"] = PASSWORD
    if kind == "postgres":  # no deadline here: measure the true latency, count what the default would cut
        store = PostgresStore(where, statement_timeout_ms=60_000, deadline_ms=60_000)
        store.wait_available(30)
    else:
        store = SQLiteStore(where)
    matcher = Matcher(store)
    keys = [list(dict.fromkeys(tier_kgrams(t, "exact") + tier_kgrams(t, "normalised")))[:MAX_KEYS]
            for t in ([lx.text for lx in lexer.lex(text)] for text in texts)]
    order = list(range(len(texts))) * rounds
    random.Random(seed).shuffle(order)
    while time.time() < start_at:
        time.sleep(0.01)
    base = time.perf_counter()  # start_at, or now if this client got ready later
    offset = random.Random(seed).random() * pace_s  # the servers' requests do not all come at once
    timings = []
    for k, i in enumerate(order):
        due = base + offset + k * pace_s
        if pace_s:
            time.sleep(max(0.0, due - time.perf_counter()))
        t = time.perf_counter()
        store.lookup(keys[i]) if what == "lookup" else matcher.find_references(texts[i])
        timings.append((time.perf_counter() - (min(t, due) if pace_s else t)) * 1000)
    store.close()
    return timings


def latency(kind: str, where: str, texts: list[str], what: str, clients: int, rounds: int, pace_s: float = 0.0) -> dict:
    """p50/p95 over all queries of ``clients`` processes querying at once (closed loop, or one query
    every ``pace_s`` seconds each)."""
    start_at = time.time() + 5
    with ProcessPoolExecutor(clients, mp_context=multiprocessing.get_context("spawn")) as pool:
        parts = list(pool.map(_client, *zip(*[(kind, where, texts, what, rounds, n, start_at, pace_s)
                                                for n in range(clients)])))
    values = [v for p in parts for v in p]
    return {"clients": clients, "n": len(values), **({"every_ms": round(pace_s * 1000)} if pace_s else {}), "p50_ms": round(statistics.median(values), 2),
            "p95_ms": round(references_bench.percentile(values, 0.95), 2), "max_ms": round(max(values), 1),
            "over_300ms": sum(v > 300 for v in values)}


def answers(store, texts: list[str]) -> list[list[tuple]]:
    matcher = Matcher(store)
    return [[(r.path, r.license_name, r.url, r.start, r.end) for r in matcher.find_references(t)] for t in texts]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--incremental", type=int, default=300_000, help="fingerprints re-written in the update")
    parser.add_argument("--pace-ms", type=float, default=250.0,
                        help="the paced load: each client one query this often (a server asks once per suggestion)")
    parser.add_argument("--sources", type=int, default=0, help="only the first N sources (a quick check)")
    parser.add_argument("--out", type=Path, default=None, help="also write the figures here as JSON")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="refpgbench-"))
    cluster = None
    try:
        t = time.perf_counter()
        corpus = fingerprint_corpus(args.sources)
        result = {"corpus": {"sources": len(corpus), "files": sum(len(s.files) for s, _ in corpus),
                             "fingerprints": sum(len(f.fingerprints) for _, r in corpus for f in r if f),
                             "fingerprint_s": round(time.perf_counter() - t, 1)}, "copies": args.copies}
        print(json.dumps(result), flush=True)

        cluster = Cluster(DURABLE).start()
        cluster.create_role(USER, PASSWORD)
        cluster.create_database("refs", USER, USER)
        url = cluster.url(USER, "refs")
        os.environ["PGPASSWORD"] = PASSWORD
        pg = PostgresStore(url, writer=True)
        result["postgres_build"] = load(pg, corpus, args.copies)
        result["postgres_bytes"] = int(cluster.sql("SELECT pg_database_size('refs')"))
        result["postgres_incremental"] = incremental(pg, corpus, args.incremental)
        print(json.dumps(result), flush=True)

        sqlite_path = work / "references.sqlite"
        lite = SQLiteStore(sqlite_path, busy_timeout_s=600)
        result["sqlite_build"] = load(lite, corpus, args.copies)
        result["sqlite_bytes"] = sum(p.stat().st_size for p in work.glob("references.sqlite*"))
        result["sqlite_incremental"] = incremental(lite, corpus, args.incremental)
        lite.set_complete(True)
        print(json.dumps(result), flush=True)

        texts = queries(corpus, random.Random(20240611))
        local = answers(lite, texts)
        same = local == answers(pg, texts)
        with_refs = sum(1 for a in local if a)
        result["same_answers"] = {"queries": len(texts), "with_references": with_refs, "identical": same}
        for kind, where in (("postgres", url), ("sqlite", str(sqlite_path))):
            result[f"{kind}_latency"] = {  # the database's load from N servers; verification runs on each server
                "lookup_concurrent": latency(kind, where, texts, "lookup", args.clients, 3),
                "lookup_paced": latency(kind, where, texts, "lookup", args.clients, 1, args.pace_ms / 1000),
                "lookup_alone": latency(kind, where, texts, "lookup", 1, 3),
                "find_references_alone": latency(kind, where, texts, "find", 1, 1)}
            print(json.dumps(result[f"{kind}_latency"]), flush=True)
        pg.close()
        lite.close()
        print(json.dumps(result, indent=1))
        if args.out:
            args.out.write_text(json.dumps(result, indent=1) + "\n")
        return 0
    finally:
        if cluster is not None:
            cluster.remove()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
