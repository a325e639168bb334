"""The reference index: built in the background, updated incrementally, always answerable.

The server creates one ``ReferenceIndex`` at start-up, calls ``build()`` (which returns
at once) and asks ``find_references`` for every accepted-to-be suggestion. Until the
build has written a source, lookups simply find nothing in it: the first suggestion
never waits. Lexing and winnowing run in at most two low-priority worker processes;
one thread writes SQLite.

Each source records its signature (version, dist-info mtime, file stats), so a later
build re-indexes only what changed and removes what vanished. A kill during a build
loses at most the source being written (one transaction each); the next build resumes
from the sources already committed, and the index is marked complete only at the end.
"""

from __future__ import annotations

import fcntl
import logging
import multiprocessing
import os
import sys
import threading
import time
from collections import deque
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import matcher as matcher_mod
from . import sources as sources_mod
from .store import IndexedFile, SourceRecord, SQLiteStore
from .winnow import FileFingerprints, fingerprint_batch

log = logging.getLogger(__name__)

DB_NAME = "references.sqlite"
BATCH = 32
PREFETCH = 8

ProgressCallback = Callable[[dict], None]


def _lower_priority() -> None:
    try:
        os.nice(10)
    except OSError:
        pass


class _InlineExecutor(Executor):
    """Runs batches in the build thread itself (workers=0: tests, tiny corpora)."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # surfaced by future.result()
            future.set_exception(exc)
        return future


class BuildStopped(Exception):
    """The caller asked the build to stop."""


class ReferenceIndex:
    """Owns the store, the background build and the matcher for one cache folder."""

    def __init__(self, cache_dir: Path | str, extra_folders: Iterable[dict | sources_mod.FolderConfig] = (),
                 workers: int = 2, include_stdlib: bool = True, include_installed: bool = True,
                 database: str = "", database_writer: bool = False, prune: bool | None = None,
                 on_database_change: Callable[[bool, str], None] | None = None) -> None:
        """``database``: a postgresql:// URL to use instead of the local SQLite file; a server
        only reads it (``build()`` then does nothing), the admin job writes it (``database_writer``).
        ``prune``: remove stored sources missing from this build's corpus (default: only locally,
        since builders of a shared index each own some sources)."""
        self.cache_dir = Path(cache_dir)
        self.cache_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.extra_folders = list(extra_folders)
        self.workers = max(0, min(workers, 2))
        self.include_stdlib = include_stdlib
        self.include_installed = include_installed
        self.database = database
        self.read_only = bool(database) and not database_writer
        self.prune = not database if prune is None else prune
        if database:
            from .pg_store import PostgresStore

            self.store = PostgresStore(database, writer=database_writer, on_change=on_database_change)
        else:
            self.store = SQLiteStore(self.cache_dir / DB_NAME)
        self.matcher = matcher_mod.Matcher(self.store)
        self._thread: threading.Thread | None = None
        self._state = "idle"
        self._progress = 0.0
        self._error: str | None = None

    # -- public API --------------------------------------------------------------
    def build(self, progress: ProgressCallback | None = None, stop_event: threading.Event | None = None,
              wait_for_lock: bool = False) -> threading.Thread:
        """Start (or join) the background build; returns its thread at once. With `wait_for_lock`, a
        build that finds another process building waits for it, then completes what it left."""
        if self._thread is not None and self._thread.is_alive():
            return self._thread
        if self.read_only:  # the shared index is built by its admin job, never by a server
            self._thread = threading.Thread(target=lambda: None, name="reference-index-shared", daemon=True)
            self._thread.start()
            return self._thread
        self._state, self._progress, self._error = "building", 0.0, None
        self._thread = threading.Thread(target=self._run, args=(progress, stop_event or threading.Event(), wait_for_lock),
                                        name="reference-index-build", daemon=True)
        self._thread.start()
        return self._thread

    def status(self) -> dict:
        """{state: building|ready|empty|failed|unavailable, files, fingerprints, progress, sources, error}.

        ``unavailable``: the shared database cannot be reached (or is not built); like
        ``building``, it is not ready, and lookups answer nothing until it comes back."""
        counts = self.store.counts()
        if self.database and not self.store.available:
            return {"state": "unavailable", "files": 0, "fingerprints": 0, "sources": 0, "progress": 0.0,
                    "error": self.store.unavailable_reason}
        if self._state in ("building", "failed"):
            state = self._state
        else:
            state = "ready" if self.store.is_complete() and counts["files"] else "empty"
        return {"state": state, "files": counts["files"], "fingerprints": counts["fingerprints"],
                "sources": counts["sources"], "progress": round(self._progress, 4), "error": self._error}

    def find_references(self, text: str, language_id: str | None = None) -> list[matcher_mod.Reference]:
        """References for a suggestion; empty when nothing indexed matches (never raises)."""
        return self.matcher.find_references(text, language_id)

    def close(self) -> None:
        self.store.close()

    # -- the build ---------------------------------------------------------------
    def _run(self, progress: ProgressCallback | None, stop: threading.Event, wait_for_lock: bool = False) -> None:
        lock = self._try_lock(blocking=wait_for_lock)
        if lock is None:
            log.info("another process is building the reference index; using what it writes")
            self._state = "idle"
            return
        try:
            self._build(progress, stop)
            self._state = "idle"
        except BuildStopped:
            log.info("reference index build stopped; the next build resumes")
            self._state = "idle"
        except Exception as exc:
            exiting = isinstance(exc, RuntimeError) and "shutdown" in str(exc)  # the worker pool at exit
            if stop.is_set() or exiting or sys.is_finalizing():  # the server is going away: not a failure
                log.info("reference index build stopped at exit (%s); the next build resumes", exc)
                self._state = "idle"
                return
            log.exception("reference index build failed")
            self._state, self._error = "failed", f"{type(exc).__name__}: {exc}"
        finally:
            lock.close()

    def _try_lock(self, blocking: bool = False):
        if self.database:  # builders of a shared index lock each source in the database instead
            return open(os.devnull)
        handle = open(self.cache_dir / (DB_NAME + ".lock"), "a")
        try:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if not blocking:
                    raise
                log.warning("another process is building the reference index; waiting for it to finish")
                fcntl.flock(handle, fcntl.LOCK_EX)
            return handle
        except OSError:
            handle.close()
            return None

    def _build(self, progress: ProgressCallback | None, stop: threading.Event) -> None:
        started = time.monotonic()
        self.store.check_integrity()
        corpus = sources_mod.enumerate_sources(self.extra_folders, self.include_stdlib, self.include_installed)
        todo, vanished = self._plan(corpus)
        if not todo and not vanished and self.store.is_complete():
            self._progress = 1.0
            return
        self.store.set_complete(False)
        for key in vanished:
            self.store.remove_source(key)
        self._index_sources(todo, progress, stop)
        if todo or vanished:
            removed = self.store.collect_garbage()
            common = self.store.refresh_common()
            log.info("reference index: %d orphaned fingerprints removed, %d boilerplate hashes", removed, common)
        self.store.set_complete(True)
        self._progress = 1.0
        log.info("reference index built in %.1f s: %s", time.monotonic() - started, self.store.counts())

    def _plan(self, corpus: list[sources_mod.Source]) -> tuple[list[sources_mod.Source], list[str]]:
        """Sources to (re)index and stored keys that no longer exist."""
        stored = self.store.sources()
        current = {s.key for s in corpus}
        todo = [s for s in corpus if s.key not in stored or stored[s.key].signature != s.signature]
        vanished = sorted(set(stored) - current) if self.prune else []
        log.info("reference index: %d of %d sources to index, %d vanished", len(todo), len(corpus), len(vanished))
        return todo, vanished

    def _executor(self) -> Executor:
        if self.workers == 0:
            return _InlineExecutor()
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_lower_priority)

    def _index_sources(self, todo: list[sources_mod.Source], progress: ProgressCallback | None,
                       stop: threading.Event) -> None:
        total = sum(len(s.files) for s in todo) or 1
        done = 0
        executor = self._executor()
        try:
            for source, results in self._fingerprinted(executor, todo, stop):
                self.store.write_source(_record(source), _indexed_files(source, results))
                done += len(source.files)
                self._progress = done / total
                if progress is not None:
                    progress({"source": source.key, "done": done, "total": total, "progress": self._progress})
        finally:
            executor.shutdown(wait=True, cancel_futures=True)

    def _fingerprinted(self, executor: Executor, todo: list[sources_mod.Source], stop: threading.Event
                       ) -> Iterator[tuple[sources_mod.Source, list[FileFingerprints | None]]]:
        """Fingerprints of each source's files, in order, with a bounded number in flight."""
        jobs = ((i, [f.path for f in s.files[j:j + BATCH]]) for i, s in enumerate(todo)
                for j in range(0, len(s.files), BATCH))
        pending: deque[tuple[int, Future]] = deque()
        current, results = 0, []
        for job in _prefetch(jobs, pending, executor):
            if stop.is_set():
                raise BuildStopped
            index, future = job
            while index > current:
                yield todo[current], results
                current, results = current + 1, []
            results.extend(future.result())
        while current < len(todo):
            yield todo[current], results
            current, results = current + 1, []


def _prefetch(jobs, pending: deque, executor: Executor):
    """Keep PREFETCH batches submitted ahead of the one being consumed."""
    for index, paths in jobs:
        pending.append((index, executor.submit(fingerprint_batch, paths)))
        if len(pending) >= PREFETCH:
            yield pending.popleft()
    while pending:
        yield pending.popleft()


def _record(source: sources_mod.Source) -> SourceRecord:
    return SourceRecord(source.key, source.name, source.version, source.signature, source.license, source.repository)


def _indexed_files(source: sources_mod.Source, results: list[FileFingerprints | None]) -> Iterator[IndexedFile]:
    """Store rows for one source; a file's own SPDX identifier overrides the source license."""
    for file, found in zip(source.files, results):
        if found is None or not found.fingerprints:
            continue
        yield IndexedFile(file.path, file.rel_path, found.spdx or source.license, file.url, found.fingerprints)
