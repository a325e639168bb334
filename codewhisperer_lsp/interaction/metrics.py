"""Local usage metrics, like the user guide's monitoring chapter: invocations, suggestions shown,
accepted, acceptance rate, per language, latency percentiles, active days.

Everything stays in one JSON file in the state folder; nothing is ever sent anywhere. Counts
are kept in memory and added to the file at most every few seconds (and at exit) under a file
lock, as deltas: two servers running at once (two editor windows) both get counted.
"""

from __future__ import annotations

import atexit
import datetime
import fcntl
import logging
import threading
import time
from pathlib import Path

from codewhisperer_lsp.interaction.state_files import read_json, write_json

log = logging.getLogger(__name__)

FILE_NAME = "metrics.json"
MAX_SAMPLES = 2000  # latency samples kept (the most recent)
MAX_DAYS = 1100  # active days kept (about three years)
FLUSH_DELAY_S = 2.0

# What happened to one inline completion request.
OUTCOMES = ("model", "empty", "typeahead", "paused", "declined", "cancelled", "unavailable")
SAMPLE_LISTS = ("latencyMs", "typeaheadLatencyMs")


def _empty() -> dict:
    return {"counts": {}, "languages": {}, "latencyMs": [], "typeaheadLatencyMs": [], "activeDays": []}


def merge(base: dict, delta: dict) -> dict:
    """`base` plus `delta` (both in the file's shape); neither is modified."""
    out = _empty()
    out["since"] = base.get("since") or delta.get("since")
    for source in (base, delta):
        for name, value in _dict(source.get("counts")).items():
            if _is_count(value):
                out["counts"][name] = out["counts"].get(name, 0) + value
        for language, counts in _dict(source.get("languages")).items():
            target = out["languages"].setdefault(language, {})
            for name, value in _dict(counts).items():
                if _is_count(value):
                    target[name] = target.get(name, 0) + value
        for name in SAMPLE_LISTS:
            out[name].extend(v for v in _list(source.get(name)) if isinstance(v, (int, float)))
    for name in SAMPLE_LISTS:
        out[name] = out[name][-MAX_SAMPLES:]
    days = {d for source in (base, delta) for d in _list(source.get("activeDays")) if isinstance(d, str)}
    out["activeDays"] = sorted(days)[-MAX_DAYS:]
    return out


def _dict(value) -> dict:
    return value if isinstance(value, dict) else {}


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _is_count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def percentiles(samples: list[float]) -> dict:
    """{count, p50, p90, p95, p99} in ms (nearest rank); None for each when there is no sample."""
    ordered = sorted(samples)
    result: dict = {"count": len(ordered)}
    for p in (50, 90, 95, 99):
        if not ordered:
            result[f"p{p}"] = None
            continue
        rank = max(1, -(-p * len(ordered) // 100))  # ceil(p/100 * n)
        result[f"p{p}"] = round(ordered[rank - 1], 1)
    return result


def summary(data: dict, collecting: bool = True) -> dict:
    """The public view (getMetrics, `codewhisperer-lsp stats`) of the stored shape."""
    counts = data.get("counts", {})
    shown, accepted = counts.get("shown", 0), counts.get("accepted", 0)
    languages = {}
    for language, c in sorted(data.get("languages", {}).items()):
        languages[language] = {"invocations": c.get("invocations", 0), "shown": c.get("shown", 0),
                               "accepted": c.get("accepted", 0),
                               "acceptanceRate": _rate(c.get("accepted", 0), c.get("shown", 0))}
    days = data.get("activeDays", [])
    return {
        "collecting": collecting,
        "since": data.get("since"),
        "invocations": counts.get("invocations", 0),
        "automatic": counts.get("automatic", 0),
        "invoked": counts.get("invoked", 0),
        "suggestionsShown": shown,
        "accepted": accepted,
        "acceptanceRate": _rate(accepted, shown),
        "modelCalls": counts.get("modelCalls", 0),
        "outcomes": {name: counts.get(name, 0) for name in OUTCOMES},
        "gate": {"droppedInsecure": counts.get("droppedInsecure", 0),
                 "droppedWithReferences": counts.get("droppedWithReferences", 0),
                 "heldUnchecked": counts.get("heldUnchecked", 0),
                 "shownWithReferences": counts.get("shownWithReferences", 0),
                 "shownWithFindings": counts.get("shownWithFindings", 0)},
        "seen": counts.get("seen", 0),
        "discarded": counts.get("discarded", 0),
        "latencyMs": percentiles(data.get("latencyMs", [])),
        "typeaheadLatencyMs": percentiles(data.get("typeaheadLatencyMs", [])),
        "perLanguage": languages,
        "activeDays": len(days),
        "lastActiveDay": days[-1] if days else None,
    }


def _rate(accepted: int, shown: int) -> float:
    return round(accepted / shown, 4) if shown else 0.0


class Metrics:
    """In-memory counters added to the metrics file in the background."""

    def __init__(self, path: Path, enabled: bool = True, clock=time.time, flush_delay_s: float = FLUSH_DELAY_S):
        self.path = path
        self.enabled = enabled
        self._clock = clock
        self._flush_delay_s = flush_delay_s
        self._lock = threading.Lock()
        self._stored = merge(read_json(path), {})
        self._delta = _empty()
        self._timer: threading.Timer | None = None
        atexit.register(self.flush)

    # --- recording ---
    def request(self, language: str, invoked: bool, outcome: str, shown: int = 0,
                latency_ms: float | None = None) -> None:
        """One inline completion request and what became of it."""
        if not self.enabled:
            return
        with self._lock:
            self._add("invocations", language)
            self._add("invoked" if invoked else "automatic")
            self._add(outcome)
            if shown:
                self._add("shown", language)
            if latency_ms is not None:
                name = "typeaheadLatencyMs" if outcome == "typeahead" else "latencyMs"
                self._delta[name].append(round(latency_ms, 2))
            self._today()
        self._schedule()

    def accepted(self, language: str) -> None:
        self.count("accepted", language)

    def count(self, name: str, language: str | None = None, amount: int = 1) -> None:
        if not self.enabled or amount <= 0:
            return
        with self._lock:
            self._add(name, language, amount)
        self._schedule()

    def _add(self, name: str, language: str | None = None, amount: int = 1) -> None:
        counts = self._delta["counts"]
        counts[name] = counts.get(name, 0) + amount
        if language:
            per = self._delta["languages"].setdefault(language, {})
            per[name] = per.get(name, 0) + amount

    def _today(self) -> None:
        day = datetime.date.fromtimestamp(self._clock()).isoformat()
        if day not in self._delta["activeDays"]:
            self._delta["activeDays"].append(day)
        self._delta.setdefault("since", day)

    # --- reading ---
    def snapshot(self) -> dict:
        with self._lock:
            data = merge(self._stored, self._delta)
        return summary(data, self.enabled)

    # --- persisting ---
    def _schedule(self) -> None:
        with self._lock:
            if self._timer is not None:
                return
            self._timer = threading.Timer(self._flush_delay_s, self.flush)
            self._timer.daemon = True
            self._timer.start()

    def flush(self) -> bool:
        """Add what was counted since the last flush to the file; False when that failed."""
        with self._lock:
            self._timer = None
            delta, self._delta = self._delta, _empty()
        if not delta["counts"] and not delta["activeDays"] and not any(delta[n] for n in SAMPLE_LISTS):
            return True
        try:
            stored = self._add_to_file(delta)
        except OSError as exc:
            log.warning("could not save metrics to %s: %s", self.path, exc)
            with self._lock:
                self._delta = merge(delta, self._delta)  # keep them for the next try
            return False
        with self._lock:
            self._stored = stored
        return True

    def _add_to_file(self, delta: dict) -> dict:
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        lock_path = self.path.with_name(f".{self.path.name}.lock")
        with open(lock_path, "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            stored = merge(read_json(self.path), delta)
            write_json(self.path, stored)
        return stored

    def close(self) -> None:
        with self._lock:
            timer, self._timer = self._timer, None
        if timer is not None:
            timer.cancel()
        self.flush()
        atexit.unregister(self.flush)


def load_summary(path: Path) -> dict:
    """What `codewhisperer-lsp stats` prints: the file as it is now."""
    return summary(merge(read_json(path), {}))
