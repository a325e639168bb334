"""Karp-Rabin k-gram hashes and winnowing (Schleimer, Wilkerson, Aiken 2003).

Winnowing keeps the minimum k-gram hash of every window of ``w`` consecutive k-grams.
Two texts sharing an identical run of at least ``k + w - 1`` lexemes are then
guaranteed to share a selected fingerprint, while only about ``2 / (w + 1)`` of the
k-grams are stored. The exact and normalised tiers use disjoint hash spaces so both
live in one table.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path
from typing import NamedTuple

from . import lexer

K = 20
W = 16
GUARANTEE = K + W - 1

_MASK = (1 << 64) - 1
_BASE = 0x100000001B3  # the FNV-64 prime: odd, so multiplication is invertible mod 2**64
_TIER_SALT = {"exact": 0, "normalised": 0x9E3779B97F4A7C15}


class FileFingerprints(NamedTuple):
    """What the index stores for one file: (signed hash, line) pairs and its own SPDX id."""

    path: str
    fingerprints: list[tuple[int, int]]
    lexemes: int
    spdx: str | None


def kgram_hashes(hashes: list[int], k: int = K, salt: int = 0) -> list[int]:
    """Rolling Karp-Rabin hash of every k-gram (unsigned 64-bit)."""
    if len(hashes) < k:
        return []
    top = pow(_BASE, k - 1, 1 << 64)
    value = 0
    for x in hashes[:k]:
        value = (value * _BASE + x) & _MASK
    out = [value ^ salt]
    for i in range(k, len(hashes)):
        value = ((value - hashes[i - k] * top) * _BASE + hashes[i]) & _MASK
        out.append(value ^ salt)
    return out


def winnow(kgrams: list[int], w: int = W) -> list[int]:
    """Positions selected by robust winnowing (rightmost minimum of each window)."""
    if not kgrams:
        return []
    if len(kgrams) <= w:
        low = min(kgrams)
        return [max(i for i, v in enumerate(kgrams) if v == low)]
    window: deque[int] = deque()
    selected: list[int] = []
    for i, value in enumerate(kgrams):
        while window and kgrams[window[-1]] >= value:
            window.pop()
        window.append(i)
        if window[0] <= i - w:
            window.popleft()
        if i >= w - 1 and (not selected or selected[-1] != window[0]):
            selected.append(window[0])
    return selected


def to_signed(value: int) -> int:
    """SQLite integers are signed 64-bit."""
    return value - (1 << 64) if value >= 1 << 63 else value


def tier_kgrams(tokens: list[str], tier: str) -> list[int]:
    """All k-gram hashes of ``tokens`` in one tier, signed for storage."""
    words = lexer.normalise(tokens) if tier == "normalised" else tokens
    return [to_signed(h) for h in kgram_hashes(lexer.hash_tokens(words), K, _TIER_SALT[tier])]


def fingerprints(tokens: list[str], token_lines: list[int]) -> list[tuple[int, int]]:
    """Winnowed (hash, line) pairs of both tiers; the line is where the k-gram starts."""
    out: set[tuple[int, int]] = set()
    for tier in _TIER_SALT:
        kgrams = tier_kgrams(tokens, tier)
        for pos in winnow(kgrams):
            out.add((kgrams[pos], token_lines[pos]))
    return sorted(out)


def fingerprint_text(text: str, path: str = "") -> FileFingerprints:
    """Fingerprints of a whole file's text."""
    from .licenses import spdx_identifier  # local: keeps worker start-up light

    tokens, lines = lexer.lex_lines(text.split("\n"))
    return FileFingerprints(path, fingerprints(tokens, lines), len(tokens), spdx_identifier(text))


def fingerprint_file(path: str) -> FileFingerprints | None:
    """Fingerprints of a file on disk; None when it cannot be read."""
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return fingerprint_text(text, path)


def fingerprint_batch(paths: list[str]) -> list[FileFingerprints | None]:
    """Worker entry point: one IPC round-trip for many files."""
    return [fingerprint_file(p) for p in paths]
