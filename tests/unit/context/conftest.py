"""Helpers for golden tests that mark the cursor with <|> in the source text."""

import pytest

from codewhisperer_lsp.context.documents import DocumentTree
from codewhisperer_lsp.context.positions import LineIndex

CURSOR = "<|>"


def split_cursor(marked: str) -> tuple[str, int, int]:
    """The text without the marker, and the marker's LSP (line, UTF-16 character)."""
    offset = marked.index(CURSOR)
    text = marked.replace(CURSOR, "", 1)
    line, character = LineIndex(text).position(offset)
    return text, line, character


@pytest.fixture
def marked_doc():
    def make(language_id: str, marked: str):
        text, line, character = split_cursor(marked)
        return DocumentTree(f"file:///golden.{language_id}", language_id, text, 1), line, character

    return make
