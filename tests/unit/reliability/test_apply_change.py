"""Incremental edits follow LSP's line rules (\\n, \\r\\n, \\r only; UTF-16 columns), clamp what lies
outside the document, and never raise (generated with hypothesis against a naive reference)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lsprotocol import types

from codewhisperer_lsp.lsp.robust_protocol import apply_change


def change(sl, sc, el, ec, text):
    return types.TextDocumentContentChangePartial(
        range=types.Range(types.Position(sl, sc), types.Position(el, ec)), text=text)


def reference_offset(text: str, line: int, character: int) -> int:
    """Walk the text character by character: LSP lines, UTF-16 columns, clamped."""
    current, units, index = 0, 0, 0
    while index < len(text):
        if current == line:
            char = text[index]
            if char in "\r\n":
                return index
            width = 2 if ord(char) > 0xFFFF else 1
            if units + width > character:
                return index
            units += width
            index += 1
            continue
        if text[index] == "\r" and text[index + 1:index + 2] == "\n":
            index += 2
            current += 1
        elif text[index] in "\r\n":
            index += 1
            current += 1
        else:
            index += 1
    return len(text)


def test_form_feed_and_unicode_separators_are_not_line_breaks():
    text = "a = 1\f\nb = '\u2028'\u2029\nc = 3\n"
    assert apply_change(text, change(2, 0, 2, 1, "d")) == "a = 1\f\nb = '\u2028'\u2029\nd = 3\n"


def test_utf16_columns():
    text = "s = '😀x'\n"
    assert apply_change(text, change(0, 7, 0, 8, "y")) == "s = '😀y'\n"


def test_outside_the_document_is_clamped():
    assert apply_change("ab\ncd", change(9, 0, 12, 5, "X")) == "ab\ncdX"
    assert apply_change("ab\ncd", change(0, 99, 0, 120, "X")) == "abX\ncd"
    assert apply_change("ab\ncd", change(1, 1, 0, 0, "X")) == "ab\ncXd"  # end before start: an insertion


def test_whole_document_change():
    assert apply_change("old", types.TextDocumentContentChangeWholeDocument(text="new")) == "new"


alphabet = st.sampled_from(list("ab \t") + ["\n", "\r", "\r\n", "\f", "\u2028", "😀", "漢", "\x00", "\ufffd"])
texts = st.lists(alphabet, max_size=40).map("".join)
coordinate = st.integers(0, 12)


@settings(max_examples=500, deadline=None, database=None, derandomize=True)
@given(text=texts, sl=coordinate, sc=coordinate, el=coordinate, ec=coordinate, new=texts)
def test_matches_the_reference(text, sl, sc, el, ec, new):
    start = reference_offset(text, sl, sc)
    end = max(start, reference_offset(text, el, ec))
    # a position inside a surrogate pair moves back to the start of its character in both
    assert apply_change(text, change(sl, sc, el, ec, new)) == text[:start] + new + text[end:]
