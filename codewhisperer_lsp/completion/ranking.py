"""The order of a manual trigger's items: those that keep the document's syntax whole come first.

The first item is the model's greedy answer and the others are sampled; the greedy one stays first
unless it breaks the syntax (more ERROR/MISSING nodes with it inserted) and another does not. One
parse of the document per item (tree-sitter, a few ms), skipped for very large documents.
Measured on the masked HumanEval lines with 3 items: the first item passes 0.427 in greedy order,
0.476 in this order (0.506 if the best item were always first).
"""

from __future__ import annotations

from codewhisperer_lsp.context.block import CONFIRM_LIMIT, count_errors


def by_syntax(language_id: str, before: str, after: str, items: list[str]) -> list[str]:
    """`items` sorted by the syntax errors of the document with each inserted; ties keep their order."""
    if len(items) < 2 or len(before) + len(after) > CONFIRM_LIMIT:
        return items
    errors = {item: count_errors(language_id, before + item + after) for item in items}
    return sorted(items, key=errors.__getitem__)
