"""Where the comments are in a buffer, so regex rules can ignore code that is only mentioned in one.

One tree-sitter query per language, built from the grammar's own node kinds whose name contains
"comment" (the names differ: `comment`, `line_comment`, `block_comment`, `multiline_comment`).
Ranges are returned as sorted str offsets, converted from tree-sitter's byte offsets here.
"""

from __future__ import annotations

import bisect
import functools
import logging

import tree_sitter

from codewhisperer_lsp.context import languages

log = logging.getLogger(__name__)


@functools.cache
def _comment_query(language_id: str) -> tree_sitter.Query | None:
    ts_lang = languages.ts_language(language_id)
    kinds = {
        ts_lang.node_kind_for_id(i)
        for i in range(ts_lang.node_kind_count)
        if ts_lang.node_kind_is_named(i) and "comment" in (ts_lang.node_kind_for_id(i) or "")
    }
    patterns = []
    for kind in sorted(kinds):
        try:
            tree_sitter.Query(ts_lang, f"({kind}) @c")
            patterns.append(f"({kind})")
        except Exception:  # a kind that only exists as a supertype or alias cannot be queried
            continue
    if not patterns:
        return None
    return tree_sitter.Query(ts_lang, f"[{' '.join(patterns)}] @c")


def comment_ranges(language_id: str, text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping (start, end) str offsets of the comments in `text`."""
    if language_id not in languages.LANGUAGES:
        return []
    query = _comment_query(language_id)
    if query is None:
        return []
    data = text.encode("utf-8")
    tree = languages.new_parser(language_id).parse(data)
    nodes = tree_sitter.QueryCursor(query).captures(tree.root_node).get("c", [])
    spans = sorted((n.start_byte, n.end_byte) for n in nodes)
    if len(data) != len(text):
        spans = [(_char_offset(data, a), _char_offset(data, b)) for a, b in spans]
    return spans


def _char_offset(data: bytes, byte_offset: int) -> int:
    return len(data[:byte_offset].decode("utf-8", errors="ignore"))


class CommentIndex:
    """Answers "is this offset inside a comment?" in O(log n)."""

    def __init__(self, spans: list[tuple[int, int]]):
        self._starts = [s for s, _ in spans]
        self._spans = spans

    def contains(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and self._spans[i][0] <= offset < self._spans[i][1]
