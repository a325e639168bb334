"""Never repeat the text after the cursor: the model often runs on into a copy of it."""

from __future__ import annotations

import re

from codewhisperer_lsp.completion.postprocess.base import SINGLE_LINE, Situation, Stop

# A line of closers only (`}`, `});`, `end`) says nothing about which block it closes: the
# suggestion's own closers are the block cutter's business, never a "duplicate" of the suffix.
PUNCTUATION_ONLY = re.compile(r"^[\s\)\]\}\;\,\.]*$|^\s*(end|fi|done|esac)\b[\s;]*$")
WINDOW = 3


def drop_suffix_overlap(situation: Situation, text: str) -> str:
    """Within a line: remove the end of the suggestion that the rest of the line already has."""
    if situation.stop not in SINGLE_LINE or "\n" in text:
        return text
    rest = situation.line_suffix.rstrip()
    if not rest.strip():
        return text
    position = text.find(rest.strip())
    if position >= 0:
        return text[:position].rstrip() if rest[0] != " " else text[:position]
    for size in range(len(rest), 0, -1):
        if text.endswith(rest[:size]):
            return text[: len(text) - size]
    return text


def _meaningful(rows: list[str]) -> list[str]:
    return [row.strip() for row in rows if row.strip() and not PUNCTUATION_ONLY.match(row)]


def drop_suffix_lines(situation: Situation, text: str) -> str:
    """Several lines: cut where the suggestion starts repeating the code lines that follow the
    cursor. Lines of closing punctuation do not count as a repeat on their own."""
    if situation.stop not in (Stop.BLOCK, Stop.SIGNATURE) or "\n" not in text:
        return text
    following = _meaningful(situation.following_lines)[:WINDOW]
    if not following:
        return text
    lines = text.split("\n")
    for index in range(1, len(lines)):
        if PUNCTUATION_ONLY.match(lines[index]) or lines[index].strip() != following[0]:
            continue
        window = _meaningful(lines[index:])[: len(following)]
        if window == following[: len(window)] and (len(window) == len(following) or len(window) >= 1):
            return "\n".join(lines[:index]).rstrip()
    return text
