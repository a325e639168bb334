"""LSP positions (line, UTF-16 code units) to and from offsets into a Python string."""

from __future__ import annotations


def _line_starts(text: str) -> list[int]:
    starts = [0]
    index = 0
    while True:
        index = text.find("\n", index)
        if index < 0:
            return starts
        index += 1
        starts.append(index)


def offset_at(text: str, line: int, character: int) -> int:
    """Clamped: a line past the end means the end of the text, a character past the end of its
    line means the end of that line."""
    starts = _line_starts(text)
    if line >= len(starts):
        return len(text)
    start = starts[line]
    end = starts[line + 1] - 1 if line + 1 < len(starts) else len(text)
    units = 0
    index = start
    while index < end and units < character:
        units += 2 if ord(text[index]) > 0xFFFF else 1
        index += 1
    return index


def position_at(text: str, offset: int) -> tuple[int, int]:
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    character = sum(2 if ord(c) > 0xFFFF else 1 for c in text[start:offset])
    return line, character
