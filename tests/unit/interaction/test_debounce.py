"""The adaptive debounce: follows the user's rhythm between half and four times the setting."""

from __future__ import annotations

import pytest

from codewhisperer_lsp.interaction.debounce import AdaptiveDebounce


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def typing(debounce: AdaptiveDebounce, clock: Clock, gap_s: float, keys: int, uri: str = "file:///a.py") -> None:
    for _ in range(keys):
        debounce.typed(uri)
        clock.now += gap_s
    clock.now -= gap_s  # the clock stands at the last keystroke


def test_setting_is_used_until_the_rhythm_is_known():
    clock = Clock()
    debounce = AdaptiveDebounce(clock)
    assert debounce.target_ms("file:///a.py", 150) == 150
    typing(debounce, clock, 0.05, 3)  # two gaps: not enough
    assert debounce.target_ms("file:///a.py", 150) == 150


def test_slow_typist_waits_longer_fast_typist_shorter():
    clock = Clock()
    slow, fast = AdaptiveDebounce(clock), AdaptiveDebounce(clock)
    typing(slow, clock, 0.3, 10)
    assert slow.target_ms("file:///a.py", 150) == pytest.approx(450)  # 1.5 x 300 ms
    typing(fast, clock, 0.02, 10)
    assert fast.target_ms("file:///a.py", 150) == 75  # never under half the setting


def test_wait_is_capped():
    clock = Clock()
    debounce = AdaptiveDebounce(clock)
    typing(debounce, clock, 1.9, 6)  # gaps just under the thinking pause
    assert debounce.target_ms("file:///a.py", 150) == 600  # 4 x the setting
    assert debounce.target_ms("file:///a.py", 400) == 1000  # and one second


def test_thinking_pauses_are_not_rhythm():
    clock = Clock()
    debounce = AdaptiveDebounce(clock)
    typing(debounce, clock, 5.0, 10)
    assert debounce.target_ms("file:///a.py", 150) == 150


def test_remaining_counts_from_the_last_edit():
    clock = Clock()
    debounce = AdaptiveDebounce(clock)
    assert debounce.remaining_s("file:///a.py", 200) == 0.2  # no edit seen: the whole wait
    debounce.typed("file:///a.py")
    clock.now += 0.15
    assert abs(debounce.remaining_s("file:///a.py", 200) - 0.05) < 1e-9
    clock.now += 1
    assert debounce.remaining_s("file:///a.py", 200) == 0.0
    assert debounce.remaining_s("file:///a.py", 0) == 0.0


def test_documents_are_separate_and_forgotten():
    clock = Clock()
    debounce = AdaptiveDebounce(clock)
    typing(debounce, clock, 0.3, 10, "file:///slow.py")
    assert debounce.target_ms("file:///other.py", 150) == 150
    debounce.forget("file:///slow.py")
    assert debounce.target_ms("file:///slow.py", 150) == 150
