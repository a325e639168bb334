"""Moving cached key/value states to other positions: the rotary keys rotated, the values as they are.

The cache holds keys after the rotary position encoding: the key of a token at position p is R(p)k,
where R(p) turns each pair of dimensions (i, i + d/2) by p * f_i. Rotations compose, so the key the
token would have at position q is R(q - p) applied to the cached one: a chunk of tokens computed
once can serve a later prompt that holds the same tokens elsewhere (a window whose start moved, a
file seen before), as llama.cpp's `--cache-reuse` does. What the chunk's tokens saw before it is
not what precedes it now, so the result is close to, not equal to, computing it again; the replay
benchmark measures both (docs/SPEED.md).

The frequencies are measured from the model itself (the first layer's keys of one token at
positions 0 and 1 give every f_i), not assumed from a config; a model whose keys do not rotate
this way is reported as not shiftable.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

log = logging.getLogger(__name__)

MIN_CHUNK = 32  # tokens: a shorter run of matching tokens is computed again


@dataclass(frozen=True)
class Rotary:
    """The rotary frequencies of a model's keys (rotate-half layout: pairs (i, i + half))."""

    freqs: np.ndarray  # (head_size // 2,), float64

    @classmethod
    def from_base(cls, head_size: int, base: float) -> "Rotary":
        return cls(1.0 / base ** (np.arange(0, head_size, 2, dtype=np.float64) / head_size))

    @classmethod
    def measure(cls, key_at_0: np.ndarray, key_at_1: np.ndarray) -> "Rotary | None":
        """From one token's first-layer keys at positions 0 and 1 ((heads, head_size) each): the
        angle of each pair at position 1 is its frequency. The frequencies of rotary encodings
        follow base^(-2i/d); the base fitted to them gives exact values. None if the keys do not
        fit that model (not rotary, interleaved, or scaled)."""
        heads, size = key_at_0.shape
        half = size // 2
        a0, b0 = key_at_0[:, :half].astype(np.float64), key_at_0[:, half:].astype(np.float64)
        a1, b1 = key_at_1[:, :half].astype(np.float64), key_at_1[:, half:].astype(np.float64)
        # angle of (a1 + i b1) relative to (a0 + i b0), averaged over heads weighted by magnitude
        rel = (a1 + 1j * b1) * np.conj(a0 + 1j * b0)
        angles = np.angle(rel.sum(axis=0))
        exponents = np.arange(0, size, 2, dtype=np.float64) / size
        usable = (np.abs(rel).sum(axis=0) > 0) & (angles > 1e-4)
        if usable.sum() < 4:
            return None
        # log f_i = -(2i/d) log base: a line through the origin
        slope = float(np.sum(exponents[usable] * np.log(angles[usable])) / np.sum(exponents[usable] ** 2))
        base = float(np.exp(-slope))
        rotary = cls.from_base(size, base)
        predicted = rotary.rotate(key_at_0[None, :, None, :].astype(np.float32), 1)[0, :, 0, :]
        scale = float(np.abs(key_at_1).max()) or 1.0
        if float(np.abs(predicted - key_at_1).max()) > 2e-2 * scale:
            log.info("the model's keys do not follow a rotary encoding: cached chunks are not moved")
            return None
        return rotary

    def rotate(self, keys: np.ndarray, delta: int) -> np.ndarray:
        """`keys` (..., tokens, head_size) as they would be `delta` positions later."""
        if delta == 0:
            return keys
        half = keys.shape[-1] // 2
        angle = delta * self.freqs
        cos, sin = np.cos(angle).astype(keys.dtype), np.sin(angle).astype(keys.dtype)
        a, b = keys[..., :half], keys[..., half:]
        return np.concatenate([a * cos - b * sin, b * cos + a * sin], axis=-1)


KEY = 8  # tokens that index a run's start


def _longest(source: np.ndarray, ids: np.ndarray, at: int, end: int, starts, min_len: int) -> tuple[int, int]:
    best_start, best_len = 0, 0
    want = ids[at:end]
    for start in starts:
        n = min(len(source) - start, len(want))
        if n <= best_len:
            continue
        diff = np.flatnonzero(source[start:start + n] != want[:n])
        length = int(diff[0]) if len(diff) else n
        if length > best_len:
            best_start, best_len = start, length
    return (best_start, best_len) if best_len >= min_len else (0, 0)


def plan(source: np.ndarray, ids: np.ndarray, at: int, end: int,
         min_len: int = MIN_CHUNK) -> list[tuple[int, int, int]]:
    """Runs of ids[at:end] found in `source`, in order and not overlapping, with gaps between them
    (tokens to compute): [(position in ids, start in source, length)...]."""
    if end - at < min_len or len(source) < min_len:
        return []
    index: dict[tuple, list[int]] = {}
    src = source.tolist()
    for start in range(len(src) - min_len + 1):
        index.setdefault(tuple(src[start:start + KEY]), []).append(start)
    want = ids.tolist()
    runs, pos = [], at
    while pos <= end - min_len:
        starts = index.get(tuple(want[pos:pos + KEY]))
        start, length = _longest(source, ids, pos, end, starts, min_len) if starts else (0, 0)
        if length:
            runs.append((pos, start, length))
            pos += length
        else:
            pos += 1
    return runs
