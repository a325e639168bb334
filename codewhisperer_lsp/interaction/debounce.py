"""How long an automatic request waits before calling the model, adapted to typing speed.

A request that arrives while the user is still typing would be superseded by the next keystroke
anyway; waiting a little longer than the user's usual gap between keystrokes lets the model run
once per pause instead of once per key. The setting `debounceMs` is the starting point; the
observed rhythm moves the wait between half and four times it (capped at one second).
"""

from __future__ import annotations

import statistics
import time
from collections import deque

PAUSE_S = 2.0  # a gap this long is the user thinking, not typing: not part of the rhythm
WINDOW = 12  # keystroke gaps remembered per document
MIN_GAPS = 3
MAX_WAIT_MS = 1000.0


class AdaptiveDebounce:
    def __init__(self, clock=time.monotonic):
        self._clock = clock
        self._last: dict[str, float] = {}
        self._gaps: dict[str, deque[float]] = {}

    def typed(self, uri: str) -> None:
        """Record one edit (didChange) of the document."""
        now = self._clock()
        last = self._last.get(uri)
        self._last[uri] = now
        if last is not None and now - last < PAUSE_S:
            self._gaps.setdefault(uri, deque(maxlen=WINDOW)).append(now - last)

    def forget(self, uri: str) -> None:
        self._last.pop(uri, None)
        self._gaps.pop(uri, None)

    def target_ms(self, uri: str, base_ms: float) -> float:
        """The wait after the last edit that this user's rhythm calls for."""
        if base_ms <= 0:
            return 0.0
        gaps = self._gaps.get(uri)
        if not gaps or len(gaps) < MIN_GAPS:
            return float(base_ms)
        rhythm = 1.5 * statistics.median(gaps) * 1000
        return min(max(rhythm, base_ms / 2), base_ms * 4, max(MAX_WAIT_MS, base_ms))

    def remaining_s(self, uri: str, base_ms: float) -> float:
        """Seconds still to wait now: the target counted from the last edit, not from the request."""
        target = self.target_ms(uri, base_ms) / 1000
        last = self._last.get(uri)
        if target <= 0:
            return 0.0
        if last is None:
            return target
        return max(0.0, target - (self._clock() - last))
