"""What shape of suggestion fits the cursor: the rest of a line, a whole line, or a block.

The shape decides the prompt mode, the token budget and where generation stops.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass


class Shape(enum.Enum):
    MID_LINE = "mid_line"  # text after the cursor on this line: fill the gap only
    LINE = "line"  # end of a non-empty line: finish this line
    BLOCK = "block"  # an empty line: the following lines, up to the end of the enclosing block


@dataclass(frozen=True)
class Cursor:
    """The text around the cursor, split the ways the pipeline needs it."""

    language_id: str
    prefix: str
    suffix: str

    @property
    def line_prefix(self) -> str:
        return self.prefix.rsplit("\n", 1)[-1]

    @property
    def line_suffix(self) -> str:
        return self.suffix.split("\n", 1)[0]

    @property
    def previous_line(self) -> str:
        lines = self.prefix.split("\n")
        for line in reversed(lines[:-1]):
            if line.strip():
                return line
        return ""

    @property
    def indent(self) -> str:
        line = self.line_prefix if self.line_prefix.strip() else self.line_prefix
        return re.match(r"[ \t]*", line).group(0)


_CLOSERS = set(")]}>\"'`;,: \t")


def classify(cursor: Cursor) -> Shape:
    if cursor.line_suffix.strip():
        # Only closing punctuation after the cursor (an auto-closed bracket or quote) still
        # leaves room to finish the line.
        if set(cursor.line_suffix) <= _CLOSERS:
            return Shape.MID_LINE
        return Shape.MID_LINE
    if cursor.line_prefix.strip():
        return Shape.LINE
    return Shape.BLOCK


BUDGETS = {Shape.MID_LINE: 48, Shape.LINE: 64, Shape.BLOCK: 160}
