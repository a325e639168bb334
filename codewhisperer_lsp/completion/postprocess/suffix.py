"""Never repeat the text after the cursor: the model often runs on into a copy of it."""

from __future__ import annotations

from codewhisperer_lsp.completion.postprocess.base import Context
from codewhisperer_lsp.completion.shape import Shape


def drop_suffix_overlap(context: Context, text: str) -> str:
    """Mid-line: remove the end of the suggestion that the rest of the line already has."""
    if context.shape is not Shape.MID_LINE:
        return text
    rest = context.cursor.line_suffix.rstrip()
    if not rest:
        return text
    position = text.find(rest)
    if position >= 0:
        return text[:position]
    for size in range(len(rest), 0, -1):
        if text.endswith(rest[:size]):
            return text[: len(text) - size]
    return text


def drop_suffix_lines(context: Context, text: str) -> str:
    """Multi-line: cut where the suggestion starts repeating the lines that follow the cursor."""
    if context.shape is not Shape.BLOCK:
        return text
    following = [row.strip() for row in context.cursor.suffix.split("\n") if row.strip()][:3]
    if not following:
        return text
    lines = text.split("\n")
    for index in range(len(lines)):
        window = [row.strip() for row in lines[index:] if row.strip()][: len(following)]
        if window and window == following[: len(window)] and (len(window) == len(following) or index > 0):
            if lines[index].strip() == following[0]:
                return "\n".join(lines[:index])
    return text
