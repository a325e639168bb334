"""Work done while the user is not waiting: prefill the prompt start that the next request in the
region being edited will need, on the model thread's idle time.

A job is the latest wish only (a newer one replaces it). It runs once nothing happened for QUIET_S
(no request running, no edit), a few tokens per hold of the model (runtime.WARM_CHUNK), and stops
between holds as soon as a request comes or the user types: a request waits for one chunk at most.
What it computed stays in the model's state or its cache, where the request finds it by prefix.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Callable

log = logging.getLogger(__name__)

QUIET_S = 0.2  # no edit and no request for this long: the user is reading, the model is free


class Warmer:
    def __init__(self, quiet_s: float = QUIET_S, clock: Callable[[], float] = time.monotonic):
        self.quiet_s = quiet_s
        self._clock = clock
        self._cond = threading.Condition()
        self._job: tuple | None = None  # (generator, make_ids, progress)
        self._busy = 0
        self._last = 0.0
        self._thread: threading.Thread | None = None
        self.stats = {"jobs": 0, "warmed_tokens": 0, "finished": 0}

    # --- what the server tells it ---
    def activity(self) -> None:
        """An edit: the user is typing, a request is likely to follow."""
        self._last = self._clock()

    def begin(self) -> None:
        with self._cond:
            self._busy += 1
            self._last = self._clock()

    def end(self) -> None:
        with self._cond:
            self._busy = max(0, self._busy - 1)
            self._last = self._clock()
            self._cond.notify_all()

    def want(self, generator, make_ids: Callable[[], list[list[int]]]) -> None:
        """Warm the prompts `make_ids()` returns, in order (it is called on the warm-up thread, once,
        when the job's turn comes)."""
        if not generator.abilities.keeps_state:
            return  # a remote engine keeps its own cache
        with self._cond:
            self._job = (generator, make_ids, {"lists": None, "done": 0})
            self.stats["jobs"] += 1
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="warm-up", daemon=True)
                self._thread.start()
            self._cond.notify_all()

    # --- the thread ---
    def _quiet_left(self) -> float:
        return self.quiet_s - (self._clock() - self._last)

    def _stop_for(self, job) -> Callable[[], bool]:
        return lambda: self._busy > 0 or self._job is not job or self._quiet_left() > 0

    def _loop(self) -> None:
        while True:
            with self._cond:
                while self._job is None or self._busy > 0 or self._quiet_left() > 0:
                    wait = None if self._job is None or self._busy > 0 else max(0.01, self._quiet_left())
                    self._cond.wait(wait)
                job = self._job
            try:
                self._run(job)
            except Exception:  # a warm-up is a bonus: never let it end the thread
                log.exception("warm-up failed")
                self._drop(job)

    def _run(self, job) -> None:
        generator, make_ids, progress = job
        if progress["lists"] is None:
            progress["lists"] = [ids for ids in make_ids() if ids]
        stop = self._stop_for(job)
        started, done = time.monotonic(), 0
        while progress["done"] < len(progress["lists"]):
            done += generator.warm(progress["lists"][progress["done"]], stop)
            if stop():
                break
            progress["done"] += 1
        self.stats["warmed_tokens"] += done
        if progress["done"] >= len(progress["lists"]):
            self.stats["finished"] += 1
            self._drop(job)
        log.debug("warm-up: %d tokens in %.0f ms (%d of %d prompts)", done, (time.monotonic() - started) * 1000,
                  progress["done"], len(progress["lists"]))

    def _drop(self, job) -> None:
        with self._cond:
            if self._job is job:
                self._job = None


_SHARED: Warmer | None = None


def shared() -> Warmer:
    """The process's warm-up: every completion service of the process tells this one of its requests,
    so no warm-up runs while any of them waits for the model."""
    global _SHARED
    if _SHARED is None:
        _SHARED = Warmer()
    return _SHARED
