"""Conversions between the three ways this project counts a place in a document.

LSP positions are (line, UTF-16 code unit), Python slices count code points, and
tree-sitter counts UTF-8 bytes with points of (row, byte column) where rows are split on
"\\n" only. Mixing them up breaks silently on emoji and CJK text, so every conversion lives
here. Out-of-range positions are clamped (end of the line, end of the document), never
raised on: editors send stale positions while the user types.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import re
from dataclasses import dataclass

logger = logging.getLogger(__name__)

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def utf16_len(text: str) -> int:
    """How many UTF-16 code units `text` takes (code points above U+FFFF take two)."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def utf8_len(text: str) -> int:
    if text.isascii():
        return len(text)
    return len(text.encode("utf-8"))


def utf16_to_index(line: str, units: int) -> int:
    """The str index in `line` at `units` UTF-16 units, clamped to the line.

    A position in the middle of a surrogate pair is moved back to the start of its
    character, so a slice never splits a code point.
    """
    if units <= 0:
        return 0
    if line.isascii():
        return min(units, len(line))
    seen = 0
    for index, char in enumerate(line):
        width = 2 if ord(char) > 0xFFFF else 1
        if seen + width > units:
            return index
        seen += width
    return len(line)


def line_starts(text: str) -> list[int]:
    """The str index where each line begins, splitting on \\r\\n, \\r and \\n as LSP does."""
    if "\r" not in text:  # the common case, several times faster than the regex
        starts = list(itertools.accumulate(map((1).__add__, map(len, text.split("\n"))), initial=0))
        starts.pop()
        return starts
    return [0] + [match.end() for match in _LINE_BREAK.finditer(text)]


@dataclass(frozen=True)
class Point:
    """A tree-sitter point: row counts "\\n" only, column counts UTF-8 bytes."""

    row: int
    column: int

    def as_tuple(self) -> tuple[int, int]:
        return (self.row, self.column)


class LineIndex:
    """Line table of one text, answering conversions without rescanning the text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = line_starts(text)

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def line_span(self, line: int) -> tuple[int, int]:
        """(start, end) str indices of a line's content, without its line break."""
        line = max(0, min(line, self.line_count - 1))
        start = self.starts[line]
        end = self.starts[line + 1] if line + 1 < self.line_count else len(self.text)
        while end > start and self.text[end - 1] in "\r\n":
            end -= 1
        return start, end

    def line_text(self, line: int) -> str:
        start, end = self.line_span(line)
        return self.text[start:end]

    def offset(self, line: int, character: int) -> int:
        """The str index for an LSP position, clamped into the document."""
        if line < 0:
            return 0
        if line >= self.line_count:
            return len(self.text)
        start, end = self.line_span(line)
        return start + utf16_to_index(self.text[start:end], character)

    def line_of(self, offset: int) -> int:
        offset = max(0, min(offset, len(self.text)))
        return bisect.bisect_right(self.starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """The LSP (line, UTF-16 character) for a str index."""
        offset = max(0, min(offset, len(self.text)))
        line = self.line_of(offset)
        start = self.starts[line]
        return line, utf16_len(self.text[start:offset])

    def byte_offset(self, offset: int) -> int:
        return to_byte_offset(self.text, offset)

    def point(self, offset: int) -> Point:
        return to_point(self.text, offset)


def to_byte_offset(text: str, offset: int) -> int:
    """UTF-8 byte offset of a str index."""
    offset = max(0, min(offset, len(text)))
    return utf8_len(text[:offset])


def from_byte_offset(text: str, byte_offset: int) -> int:
    """Str index of a UTF-8 byte offset (one inside a character counts as that character's start)."""
    if text.isascii():
        return max(0, min(byte_offset, len(text)))
    data = text.encode("utf-8")
    byte_offset = max(0, min(byte_offset, len(data)))
    return len(data[:byte_offset].decode("utf-8", errors="ignore"))


def to_point(text: str, offset: int) -> Point:
    """The tree-sitter point of a str index (rows split on "\\n" only, byte columns)."""
    offset = max(0, min(offset, len(text)))
    row = text.count("\n", 0, offset)
    line_start = text.rfind("\n", 0, offset) + 1
    return Point(row, utf8_len(text[line_start:offset]))


def end_point(start: Point, inserted: str) -> Point:
    """Where `inserted` ends when written at `start`."""
    newlines = inserted.count("\n")
    if newlines == 0:
        return Point(start.row, start.column + utf8_len(inserted))
    tail = inserted[inserted.rfind("\n") + 1 :]
    return Point(start.row + newlines, utf8_len(tail))


def position_to_byte(text: str, line: int, character: int) -> int:
    """One-shot: LSP position to UTF-8 byte offset."""
    return to_byte_offset(text, LineIndex(text).offset(line, character))
