"""Giving freed memory back: glibc's arena cap and malloc_trim, and the trimmer's rate limit."""

import subprocess
import sys
import textwrap

import pytest

from codewhisperer_lsp import memory

glibc = pytest.mark.skipif(memory._LIBC is None, reason="needs glibc (the server's Linux platform)")

# Fill ~150 MB with 1 KB malloc'd blocks in a worker thread, free all but every 64th (so the heap's
# top cannot shrink: only pages inside it can be returned), then measure RSS with and without a trim.
_PROBE = textwrap.dedent("""
    import sys, threading
    from codewhisperer_lsp import memory

    def rss_mb():
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * 4096 / 2**20

    if sys.argv[1] == "limit":
        assert memory.limit_arenas(2)
    kept = []
    def work():
        blocks = [bytes(1000) + bytes([i % 251]) for i in range(150_000)]
        kept.extend(blocks[::64])
        del blocks
    t = threading.Thread(target=work); t.start(); t.join()
    before = rss_mb()
    if sys.argv[2] == "trim":
        memory.trim()
    print(before, rss_mb())
""")


def _probe(limit: str, trim: str) -> tuple[float, float]:
    out = subprocess.run([sys.executable, "-c", _PROBE, limit, trim], capture_output=True, text=True, check=True)
    before, after = map(float, out.stdout.split())
    return before, after


@glibc
def test_trim_returns_freed_pages_from_inside_the_heap():
    before, after = _probe("limit", "trim")
    assert before > 120  # the freed blocks were still counted
    assert after < before - 80, (before, after)


@glibc
def test_without_a_trim_the_freed_pages_stay_resident():
    before, after = _probe("nolimit", "notrim")
    assert after > before - 10, (before, after)  # the reason the trimmer exists


@glibc
def test_the_arena_cap_is_accepted():
    out = subprocess.run([sys.executable, "-c", "from codewhisperer_lsp import memory; print(memory.limit_arenas(2))"],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
    assert memory.limit_arenas(0) is False  # nonsense is refused, not passed to glibc


class _Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_trimmer_trims_at_most_once_per_interval(monkeypatch):
    calls = []
    monkeypatch.setattr(memory, "trim", lambda: calls.append(1) or True)
    clock = _Clock()
    trimmer = memory.IdleTrimmer(interval=20.0, clock=clock)
    assert trimmer.after_work() is False  # just started
    clock.now += 19.9
    assert trimmer.after_work() is False
    clock.now += 0.2
    assert trimmer.after_work() is True
    assert trimmer.after_work() is False  # the interval restarts at each trim
    clock.now += 25
    assert trimmer.after_work() is True
    assert len(calls) == trimmer.trims == 2
