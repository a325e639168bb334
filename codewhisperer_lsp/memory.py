"""Keeping a long-running server's memory from creeping (glibc only; elsewhere these do nothing).

Two known sources of slow RSS growth in a threaded Python process that allocates a lot:
glibc gives each thread that meets contention its own malloc arena (up to 8 per core), and freed
chunks stay mapped inside the arenas until something gives them back. `limit_arenas` caps the
arenas (it must run before the server starts its threads); `IdleTrimmer.after_work` returns the
free pages of every arena to the system (`malloc_trim`), at most once per interval, on the thread
that just finished a piece of work, so no request waits for it.
"""

from __future__ import annotations

import ctypes
import logging
import sys
import threading
import time

_log = logging.getLogger(__name__)
M_ARENA_MAX = -8  # from glibc's malloc.h


def _libc():
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None)  # the C library the interpreter already uses
    except OSError:
        return None
    if not (hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim")):
        return None  # not glibc (musl has neither)
    libc.mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    libc.mallopt.restype = ctypes.c_int
    libc.malloc_trim.argtypes = [ctypes.c_size_t]
    libc.malloc_trim.restype = ctypes.c_int
    return libc


_LIBC = _libc()


def limit_arenas(count: int = 2) -> bool:
    """Cap glibc's malloc arenas at `count`; True when applied. Call before starting threads."""
    if _LIBC is None or count < 1:
        return False
    return _LIBC.mallopt(M_ARENA_MAX, count) == 1


def trim() -> bool:
    """Give the free pages of every malloc arena back to the system; True when some were."""
    if _LIBC is None:
        return False
    return _LIBC.malloc_trim(0) == 1


class IdleTrimmer:
    """Calls `trim` after a piece of work, at most once every `interval` seconds."""

    def __init__(self, interval: float = 20.0, clock=time.monotonic):
        self.interval = interval
        self._clock = clock
        self._last = clock()
        self._lock = threading.Lock()
        self.trims = 0

    def after_work(self) -> bool:
        """Trim when the interval has passed since the last trim; True when it trimmed."""
        with self._lock:
            now = self._clock()
            if now - self._last < self.interval:
                return False
            self._last = now
        started = self._clock()
        trim()
        self.trims += 1
        took = self._clock() - started
        if took > 0.05:
            _log.debug("malloc_trim took %.0f ms", took * 1000)
        return True
