"""Incremental document trees must equal a fresh parse, and text must follow LSP edit semantics."""

import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from codewhisperer_lsp.context.documents import DocumentStore, DocumentTree
from codewhisperer_lsp.context.languages import new_parser

FRAGMENTS = {
    "python": ["def f(a):", "\n", "\r\n", "    ", "return ", "x", "😀", "中文", "'s'", '"""d"""', "if a:", "# c", "(", ")", "🎉x"],
    "javascript": ["function f(a) {", "}", "\n", "\r\n", "  ", "return ", "x;", "😀", "中文", "'s'", "`t${a}`", "// c", "(", ")", "{"],
    "rust": ["fn f(a: i32) {", "}", "\n", "\r\n", "    ", "let x = ", "😀", "\"中文\"", ";", "/// d", "(", ")", "{"],
}


def reference_apply(text, range_, new_text):
    """Apply an LSP edit on a plain string, written independently of positions.py."""
    if range_ is None:
        return new_text

    def offset(line, char):
        lines = text.replace("\r\n", "\n\x00").replace("\r", "\n").split("\n")
        if line < 0:
            return 0
        if line >= len(lines):
            return len(text)
        start = sum(len(l) + 1 for l in lines[:line])  # \x00 keeps \r\n two chars long
        content = lines[line].lstrip("\x00")
        start += len(lines[line]) - len(content)
        units = 0
        for i, ch in enumerate(content):
            units += 2 if ord(ch) > 0xFFFF else 1
            if units > char:
                return start + i
        return start + len(content)

    a, b = offset(*range_[0]), offset(*range_[1])
    a, b = min(a, b), max(a, b)
    return text[:a] + new_text + text[b:]


def edits(language):
    position = st.tuples(st.integers(-1, 12), st.integers(-1, 30))
    piece = st.lists(st.sampled_from(FRAGMENTS[language]), max_size=4).map("".join)
    edit = st.tuples(st.one_of(st.none(), st.tuples(position, position)).filter(lambda r: True), piece)
    # full replacements are rare in practice: keep most edits ranged
    ranged = st.tuples(st.tuples(position, position), piece)
    return st.lists(st.one_of(ranged, ranged, ranged, edit), min_size=1, max_size=12)


@pytest.mark.parametrize("language", sorted(FRAGMENTS))
def test_incremental_tree_equals_fresh_parse_after_random_edits(language):
    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(st.sampled_from(FRAGMENTS[language]), max_size=8).map("".join), edits(language))
    def check(initial, changes):
        doc = DocumentTree(f"file:///t.{language}", language, initial, 1)
        expected = initial
        for version, (range_, new_text) in enumerate(changes, start=2):
            doc.apply_change(range_, new_text, version)
            expected = reference_apply(expected, range_, new_text)
            assert doc.text == expected
        fresh = new_parser(language).parse(expected.encode("utf-8"))
        assert str(doc.tree.root_node) == str(fresh.root_node)
        assert doc.tree.root_node.end_byte == len(expected.encode("utf-8"))
        assert doc.version == len(changes) + 1

    check()


def test_edit_after_emoji_lands_in_the_right_place():
    doc = DocumentTree("file:///a.py", "python", "s = '😀'\nx = 1\n", 1)
    doc.apply_change(((0, 7), (0, 7)), "中", 2)  # UTF-16 column 7 is after the emoji (2 units)
    assert doc.text == "s = '😀中'\nx = 1\n"
    doc.apply_change(((1, 4), (1, 5)), "22", 3)
    assert doc.text == "s = '😀中'\nx = 22\n"
    assert "(integer)" in str(doc.tree.root_node)
    assert doc.tree.root_node.children[1].text == b"x = 22"


def test_unsupported_language_tracks_text_without_a_tree():
    doc = DocumentTree("file:///notes.txt", "plaintext", "hello\n", 1)
    doc.apply_change(((0, 5), (0, 5)), " world", 2)
    assert doc.language is None and doc.tree is None
    assert doc.text == "hello world\n"
    assert doc.snapshot().text == "hello world\n"


def test_language_guessed_from_extension_when_id_is_unknown():
    doc = DocumentTree("file:///x.rs", "", "fn main() {}", 1)
    assert doc.language.id == "rust"
    assert doc.tree.root_node.type == "source_file"


def test_snapshot_is_unaffected_by_later_edits():
    store = DocumentStore()
    store.open("file:///a.py", "python", "x = 1\n", 1)
    snap = store.snapshot("file:///a.py")
    store.change("file:///a.py", [(((0, 4), (0, 5)), "'changed'")], 2)
    assert (snap.text, snap.version) == ("x = 1\n", 1)
    assert "integer" in str(snap.tree.root_node)
    assert "string" in str(store["file:///a.py"].tree.root_node)
    assert store.snapshot("file:///a.py").version == 2


def test_store_is_dict_like_and_tolerates_unknown_uris():
    store = DocumentStore()
    store.open("file:///a.go", "go", "package main\n", 1)
    assert "file:///a.go" in store and len(store) == 1 and list(store) == ["file:///a.go"]
    assert store.change("file:///missing.go", [(None, "x")], 2) is None
    assert store.snapshot("file:///missing.go") is None
    store.close("file:///a.go")
    assert "file:///a.go" not in store
    with pytest.raises(KeyError):
        store["file:///a.go"]


def test_concurrent_snapshots_see_whole_didchange_batches():
    store = DocumentStore()
    doc = store.open("file:///a.js", "javascript", "", 0)
    seen = []

    def reader():
        for _ in range(200):
            snap = store.snapshot("file:///a.js")
            seen.append((snap.version, snap.text))

    thread = threading.Thread(target=reader)
    thread.start()
    for version in range(1, 200):
        end = doc.text.count("\n")
        store.change("file:///a.js", [(((end, 0), (end, 0)), "a;"), (((end, 2), (end, 2)), "\n")], version)
    thread.join()
    assert all(text == "a;\n" * version for version, text in seen)
