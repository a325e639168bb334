"""The saved-state cache: longest-prefix lookup, bounded in bytes, least recently used out."""

import numpy as np

from codewhisperer_lsp.model.runtime import KVCache, _common_prefix


def state(tokens: int, layers: int = 2) -> list[np.ndarray]:
    return [np.zeros((1, 2, tokens, 4), dtype=np.float32) for _ in range(2 * layers)]


PER_TOKEN = 4 * 2 * 4 * 4  # 4 arrays x 2 heads x 4 dims x 4 bytes


def test_longest_prefix_wins():
    cache = KVCache(max_bytes=1 << 20)
    cache.put([1, 2, 3], state(3))
    cache.put([1, 2, 9, 9, 9], state(5))
    n, entry = cache.best([1, 2, 9, 9, 7])
    assert n == 4 and entry.ids == (1, 2, 9, 9, 9)
    n, entry = cache.best([1, 2, 3, 4])
    assert n == 3 and entry.ids == (1, 2, 3)
    assert cache.best([5]) == (0, None)


def test_bounded_in_bytes_lru_out():
    cache = KVCache(max_bytes=25 * PER_TOKEN)
    cache.put([1] * 10, state(10))
    cache.put([2] * 10, state(10))
    cache.best([1] * 3)  # touch the first: the second is now the oldest
    cache.put([3] * 10, state(10))
    assert cache.nbytes <= cache.max_bytes
    assert len(cache) == 2
    assert cache.best([2] * 5) == (0, None)
    assert cache.best([1] * 5)[0] == 5 and cache.best([3] * 5)[0] == 5


def test_too_big_is_not_kept_and_prefixes_are_superseded():
    cache = KVCache(max_bytes=8 * PER_TOKEN)
    cache.put(list(range(9)), state(9))
    assert len(cache) == 0 and cache.nbytes == 0
    cache.put([1, 2, 3], state(3))
    cache.put([1, 2, 3, 4, 5], state(5))
    assert len(cache) == 1 and cache.best([1, 2, 3])[1].ids == (1, 2, 3, 4, 5)


def test_common_prefix():
    assert _common_prefix((1, 2, 3), [1, 2, 4]) == 2
    assert _common_prefix((1, 2), [1, 2, 3]) == 2
    assert _common_prefix((), [1]) == 0
    assert _common_prefix([7], [8]) == 0
