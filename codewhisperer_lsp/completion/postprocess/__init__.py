"""Post-processing: an ordered chain of small filters, one module each.

Each filter takes the request's `Situation` (the cursor's text, its completion kind and plan) and
the candidate text, and returns the text to keep (possibly empty, which drops the candidate).
"""

from __future__ import annotations

from typing import Callable

from codewhisperer_lsp.completion.postprocess import (
    block,
    brackets,
    fences,
    indent,
    line,
    signature,
    suffix,
    tiny,
    whitespace,
)
from codewhisperer_lsp.completion.postprocess.base import Situation

Filter = Callable[[Situation, str], str]

CHAIN: tuple[Filter, ...] = (
    fences.drop_fences,
    fences.drop_tails,
    line.cut_line,
    signature.cut_signature,
    block.cut_block,
    suffix.drop_suffix_overlap,
    suffix.drop_suffix_lines,
    brackets.balance,
    indent.normalise,
    whitespace.trim,
    tiny.drop_trivial,
)


def postprocess(situation: Situation, text: str) -> str:
    for step in CHAIN:
        if not text:
            return ""
        text = step(situation, text)
    return text


__all__ = ["CHAIN", "Situation", "postprocess"]
