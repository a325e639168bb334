"""A server's read-only link to the shared reference index: every read has a deadline, a
database that is down answers nothing at once, and the link comes back by itself.

Reads run on one worker thread and the caller waits at most ``deadline_ms``; the server also
cancels statements past ``statement_timeout``. A read still stuck after ``stuck_s`` (a frozen
server, a silent network) abandons that connection and its thread. A keeper thread connects
at start and after every loss, every ``retry_s``; ``on_change(available, message)`` is called
on each transition only, so the user hears once per outage, not once per suggestion.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Callable

from . import pg_url

log = logging.getLogger(__name__)

OnChange = Callable[[bool, str], None]
SCHEMA_CHECK = "SELECT value FROM ref_meta WHERE key = 'schema'"


class _Worker:
    """One daemon thread running reads in order; abandoned (never joined) when it hangs."""

    def __init__(self) -> None:
        self.jobs: queue.SimpleQueue = queue.SimpleQueue()
        threading.Thread(target=self._loop, name="references-pg-read", daemon=True).start()

    def submit(self, fn, *args) -> Future:
        future: Future = Future()
        self.jobs.put((future, fn, args))
        return future

    def _loop(self) -> None:
        while True:
            future, fn, args = self.jobs.get()
            if future is None:
                return
            try:
                future.set_result(fn(*args))
            except BaseException as exc:  # handed to the waiting caller
                future.set_exception(exc)

    def stop(self) -> None:
        self.jobs.put((None, None, None))


class Reader:
    """Runs read queries against the database under a deadline; never raises into the caller."""

    def __init__(self, url: str, statement_timeout_ms: int = 150, deadline_ms: int = 300, retry_s: float = 2.0,
                 stuck_s: float = 5.0, on_change: OnChange | None = None, schema_version: str = "") -> None:
        self.url = url
        self.shown = pg_url.redact(url)
        self.statement_timeout_ms = statement_timeout_ms
        self.deadline_s = deadline_ms / 1000
        self.retry_s = retry_s
        self.stuck_s = stuck_s
        self.schema_version = schema_version
        self.on_change = on_change
        self.reason = "connecting"
        self._conn = None
        self._available: bool | None = None
        self._worker = _Worker()
        self._inflight: tuple[Future, float] | None = None
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._closed = threading.Event()
        threading.Thread(target=self._keep_connected, name="references-pg-connect", daemon=True).start()

    @property
    def available(self) -> bool:
        return bool(self._available)

    def wait_available(self, timeout: float) -> bool:
        """For tools and tests: wait until the first connection attempt settled one way or the other."""
        end = time.monotonic() + timeout
        while self._available is None and time.monotonic() < end:
            time.sleep(0.02)
        return self.available

    # -- reads ------------------------------------------------------------------
    def read(self, query: Callable, default):
        """``query(conn)`` on the worker; ``default`` when down, busy, slow or failing."""
        with self._lock:
            conn = self._conn if self._available else None
            if conn is None or self._stuck():
                return default
            future = self._worker.submit(self._run, conn, query)
            self._inflight = (future, time.monotonic())
        try:
            return future.result(timeout=self.deadline_s)
        except FutureTimeout:
            log.warning("shared reference index slower than %d ms: this suggestion goes out without references",
                        int(self.deadline_s * 1000))
            return default
        except Exception as exc:
            self._failed(conn, exc)
            return default

    def _stuck(self) -> bool:
        """A read still running: answer nothing now; past ``stuck_s``, drop the connection."""
        if self._inflight is None or self._inflight[0].done():
            return False
        if time.monotonic() - self._inflight[1] > self.stuck_s:
            # The old thread stays blocked on that socket; it closes the connection itself once
            # the call returns (libpq must never free a connection another thread is inside).
            self._lose(self._conn, f"no answer for {self.stuck_s:.0f} s")
            self._worker.stop()
            self._worker = _Worker()
            self._inflight = None
        return True

    @staticmethod
    def _run(conn, query: Callable):
        return query(conn)

    def _failed(self, conn, exc: Exception) -> None:
        import psycopg

        if isinstance(exc, psycopg.errors.QueryCanceled):  # statement_timeout: slow, not down
            log.warning("shared reference index query cancelled after %d ms", self.statement_timeout_ms)
            return
        if isinstance(exc, (psycopg.OperationalError, psycopg.InterfaceError, psycopg.errors.UndefinedTable)):
            with self._lock:
                self._lose(conn, pg_url.scrub(str(exc).strip(), self.url))
            return
        log.error("shared reference index query failed: %s", pg_url.scrub(repr(exc), self.url))

    def _lose(self, conn, reason: str) -> None:
        if conn is not self._conn or conn is None:
            return
        self._conn = None
        self._worker.submit(_close_quietly, conn)  # after any read still using it, on the same thread
        self._set(False, reason)
        self._wake.set()

    # -- the connection ---------------------------------------------------------
    def _keep_connected(self) -> None:
        while not self._closed.is_set():
            if self._conn is None:
                self._connect()
            self._wake.wait(self.retry_s if self._conn is None else 3600)
            self._wake.clear()

    def _connect(self) -> None:
        try:
            import psycopg
        except ImportError:
            self._set(False, "the postgres extra is not installed (pip install 'codewhisperer-lsp[postgres]')")
            return
        try:
            conn = psycopg.connect(self.url, autocommit=True, **pg_url.connect_options(True, self.statement_timeout_ms))
            row = conn.execute(SCHEMA_CHECK).fetchone()
        except psycopg.errors.UndefinedTable:
            conn.close()
            self._set(False, "not built yet (no reference tables)")
            return
        except psycopg.Error as exc:
            self._set(False, pg_url.scrub(str(exc).strip(), self.url) or type(exc).__name__)
            return
        if self.schema_version and (row is None or row[0] != self.schema_version):
            conn.close()
            self._set(False, f"schema {row[0] if row else None} != {self.schema_version}: rebuild it")
            return
        with self._lock:
            self._conn = conn
            self._set(True, "connected")

    def _set(self, available: bool, reason: str) -> None:
        changed = self._available is not available
        self._available, self.reason = available, reason
        if not changed:
            return
        if available:
            log.info("shared reference index %s: connected", self.shown)
        else:
            log.warning("shared reference index %s unavailable: %s", self.shown, reason)
        if self.on_change is not None:
            try:
                self.on_change(available, reason)
            except Exception:
                log.exception("reference index availability callback failed")

    def close(self) -> None:
        self._closed.set()
        self._wake.set()
        with self._lock:
            conn, self._conn = self._conn, None
            if conn is not None:
                self._worker.submit(_close_quietly, conn)
            self._worker.stop()


def _close_quietly(conn) -> None:
    try:
        conn.close()
    except Exception:  # closing a broken connection: nothing left to do
        log.debug("closing a lost database connection failed", exc_info=True)
