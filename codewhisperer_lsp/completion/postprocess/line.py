"""Single-line shapes end at the end of the line."""

from __future__ import annotations

from codewhisperer_lsp.completion.postprocess.base import Context
from codewhisperer_lsp.completion.shape import Shape


def cut_line(context: Context, text: str) -> str:
    if context.shape is Shape.BLOCK:
        return text
    return text.split("\n", 1)[0]
