"""Multi-line shapes end where the block being written ends."""

from __future__ import annotations

from codewhisperer_lsp.completion.blocks import block_lines
from codewhisperer_lsp.completion.postprocess.base import Context
from codewhisperer_lsp.completion.shape import Shape


def cut_block(context: Context, text: str) -> str:
    if context.shape is not Shape.BLOCK:
        return text
    # The first line continues the cursor's line, which already has its indentation.
    first_line_indent = context.cursor.line_prefix
    lines, _ = block_lines(context.language_id, first_line_indent + text, context.body_indent,
                           context.comment, context.suffix_closes)
    joined = "\n".join(lines)
    return joined[len(first_line_indent):] if joined.startswith(first_line_indent) else joined
