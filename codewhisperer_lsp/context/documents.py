"""Open documents, each with one tree-sitter tree kept up to date by incremental edits.

Re-parsing a large file on every keystroke is the slow path; tree-sitter can reuse the old
tree if it is told exactly which bytes changed. `DocumentTree` turns LSP change events
(UTF-16 ranges) into those byte edits. `DocumentStore` shares the documents between the
event loop, which applies edits, and worker threads, which read immutable snapshots so slow
work (prompt building, inference) never holds a lock or sees a half-applied edit.

Not on the server's path today: the server keeps documents in pygls's workspace and the
completion path parses the text of each request. The incremental store is measured by
bench/context_bench.py and tested (tests/unit/context) as the way to go when parsing per request
gets too slow for large files.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import tree_sitter

from . import languages
from .languages import Language
from .positions import LineIndex, Point, end_point, to_byte_offset, to_point, utf8_len

logger = logging.getLogger(__name__)

# ((start_line, start_character), (end_line, end_character)) in UTF-16 units.
Range = tuple[tuple[int, int], tuple[int, int]]


@dataclass(frozen=True)
class DocumentVersion:
    """An immutable view of a document at one version, safe to read from any thread."""

    uri: str
    language_id: str
    language: Language | None
    text: str
    version: int
    tree: tree_sitter.Tree | None
    _lines: list[LineIndex] = field(default_factory=list, repr=False, compare=False)

    @property
    def lines(self) -> LineIndex:
        """The line table, built on first use (most snapshots never need it)."""
        if not self._lines:
            self._lines.append(LineIndex(self.text))
        return self._lines[0]


class DocumentTree:
    """One open document: its text, version and (for supported languages) its syntax tree."""

    def __init__(self, uri: str, language_id: str, text: str, version: int) -> None:
        self.uri = uri
        self.language_id = language_id
        self.language = languages.resolve(language_id, uri)
        self.version = version
        self._lock = threading.Lock()
        self._text = text
        self._bytes = text.encode("utf-8")
        self._parser = languages.new_parser(self.language.id) if self.language else None
        self._tree = self._parser.parse(self._bytes) if self._parser else None
        self._lines: LineIndex | None = None

    @property
    def text(self) -> str:
        return self._text

    @property
    def tree(self) -> tree_sitter.Tree | None:
        return self._tree

    @property
    def lines(self) -> LineIndex:
        """The line table of the current text, rebuilt only after an edit."""
        index = self._lines
        if index is None or index.text is not self._text:
            index = self._lines = LineIndex(self._text)
        return index

    def apply_change(self, range_: Range | None, new_text: str, version: int | None = None) -> None:
        """Apply one LSP content change: `range_` None means the whole text is replaced."""
        with self._lock:
            self._apply(range_, new_text)
            if version is not None:
                self.version = version

    def apply_changes(self, changes: Iterable[tuple[Range | None, str]], version: int) -> None:
        """Apply the changes of one didChange notification in order; snapshots see all or none."""
        with self._lock:
            for range_, new_text in changes:
                self._apply(range_, new_text)
            self.version = version

    def snapshot(self) -> DocumentVersion:
        with self._lock:
            tree = self._tree.copy() if self._tree is not None else None
            return DocumentVersion(self.uri, self.language_id, self.language, self._text, self.version, tree)

    def _apply(self, range_: Range | None, new_text: str) -> None:
        if range_ is None:
            self._replace_all(new_text)
        else:
            self._edit(range_, new_text)

    def _replace_all(self, new_text: str) -> None:
        self._text = new_text
        self._bytes = new_text.encode("utf-8")
        if self._parser:
            self._tree = self._parser.parse(self._bytes)

    def _edit(self, range_: Range, new_text: str) -> None:
        index = self.lines
        start = index.offset(*range_[0])
        end = index.offset(*range_[1])
        start, end = min(start, end), max(start, end)
        old_text = self._text
        self._text = old_text[:start] + new_text + old_text[end:]
        start_byte = to_byte_offset(old_text, start)
        old_end_byte = start_byte + utf8_len(old_text[start:end])
        inserted = new_text.encode("utf-8")
        self._bytes = self._bytes[:start_byte] + inserted + self._bytes[old_end_byte:]
        if self._tree is not None:
            start_point = to_point(old_text, start)
            self._reparse(start_byte, old_end_byte, start_byte + len(inserted),
                          start_point, to_point(old_text, end), end_point(start_point, new_text))

    def _reparse(self, start_byte: int, old_end_byte: int, new_end_byte: int,
                 start: Point, old_end: Point, new_end: Point) -> None:
        self._tree.edit(
            start_byte=start_byte,
            old_end_byte=old_end_byte,
            new_end_byte=new_end_byte,
            start_point=start.as_tuple(),
            old_end_point=old_end.as_tuple(),
            new_end_point=new_end.as_tuple(),
        )
        self._tree = self._parser.parse(self._bytes, self._tree)


class DocumentStore:
    """Open documents by URI. The lock guards only the dictionary, never parsing or reading."""

    def __init__(self) -> None:
        self._docs: dict[str, DocumentTree] = {}
        self._lock = threading.Lock()

    def open(self, uri: str, language_id: str, text: str, version: int) -> DocumentTree:
        doc = DocumentTree(uri, language_id, text, version)  # parse outside the lock
        with self._lock:
            self._docs[uri] = doc
        logger.debug("opened %s (%s, %d chars)", uri, doc.language.id if doc.language else language_id, len(text))
        return doc

    def change(self, uri: str, changes: Iterable[tuple[Range | None, str]], version: int) -> DocumentTree | None:
        doc = self.get(uri)
        if doc is None:
            logger.warning("change for a document that is not open: %s", uri)
            return None
        doc.apply_changes(changes, version)
        return doc

    def close(self, uri: str) -> None:
        with self._lock:
            self._docs.pop(uri, None)

    def get(self, uri: str) -> DocumentTree | None:
        with self._lock:
            return self._docs.get(uri)

    def snapshot(self, uri: str) -> DocumentVersion | None:
        doc = self.get(uri)
        return doc.snapshot() if doc is not None else None

    def __getitem__(self, uri: str) -> DocumentTree:
        doc = self.get(uri)
        if doc is None:
            raise KeyError(uri)
        return doc

    def __contains__(self, uri: object) -> bool:
        with self._lock:
            return uri in self._docs

    def __len__(self) -> int:
        with self._lock:
            return len(self._docs)

    def __iter__(self) -> Iterator[str]:
        with self._lock:
            return iter(list(self._docs))
