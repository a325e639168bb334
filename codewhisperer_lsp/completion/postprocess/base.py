"""The context every post-processing filter sees."""

from __future__ import annotations

from dataclasses import dataclass

from codewhisperer_lsp.completion.blocks import indent_width
from codewhisperer_lsp.completion.shape import Cursor, Shape


@dataclass(frozen=True)
class Context:
    cursor: Cursor
    shape: Shape
    comment: str | None = None  # the language's line-comment marker

    @property
    def language_id(self) -> str:
        return self.cursor.language_id

    @property
    def body_indent(self) -> int:
        """Indentation a line of the block being written must keep to stay inside it."""
        line = self.cursor.line_prefix
        if line.strip():
            return indent_width(line)
        return indent_width(line) if line else _indent_after(self.cursor.previous_line)

    @property
    def suffix_closes(self) -> bool:
        """The text after the cursor starts (after blank lines) with a closing bracket or `end`."""
        for row in self.cursor.suffix.split("\n")[1:] if not self.cursor.line_suffix.strip() else []:
            if row.strip():
                return row.strip().startswith(("}", ")", "]", "end", "fi", "done", "esac"))
        return False


def _indent_after(previous: str) -> int:
    width = indent_width(previous)
    return width + 4 if previous.rstrip().endswith((":", "{", "(", "[", "then", "do")) else width
