"""Typing through a suggestion: answer from what was already generated, without the model.

After a suggestion is shown at some cursor, each request whose text is exactly the old text
with characters typed at the cursor, matching the start of a suggestion, is answered with the
rest of that suggestion. The first mismatch (or any other edit) forgets the entry.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

MAX_DOCUMENTS = 64


@dataclass(frozen=True)
class Shown:
    session_id: str
    language: str
    prefix: str  # the document text before the cursor when the suggestion was made
    suffix: str  # and after it
    items: tuple[tuple[str, str], ...]  # (item id, suggested text)
    details: dict = field(default_factory=dict, compare=False)  # item id -> what else the caller keeps


@dataclass(frozen=True)
class Hit:
    shown: Shown
    typed: str
    items: tuple[tuple[str, str], ...]  # (item id, remaining text)


class Typeahead:
    def __init__(self):
        self._lock = threading.Lock()
        self._shown: dict[str, Shown] = {}

    def remember(self, uri: str, shown: Shown) -> None:
        with self._lock:
            self._shown.pop(uri, None)
            self._shown[uri] = shown
            while len(self._shown) > MAX_DOCUMENTS:
                self._shown.pop(next(iter(self._shown)))

    def clear(self) -> None:
        with self._lock:
            self._shown.clear()

    def forget(self, uri: str) -> None:
        with self._lock:
            self._shown.pop(uri, None)

    def lookup(self, uri: str, text: str, offset: int) -> Hit | None:
        with self._lock:
            shown = self._shown.get(uri)
        if shown is None:
            return None
        hit = _match(shown, text, offset)
        if hit is None:
            self.forget(uri)
        return hit


def _match(shown: Shown, text: str, offset: int) -> Hit | None:
    prefix = text[:offset]
    if text[offset:] != shown.suffix or not prefix.startswith(shown.prefix):
        return None
    typed = prefix[len(shown.prefix):]
    remaining = tuple((item_id, suggestion[len(typed):]) for item_id, suggestion in shown.items
                      if suggestion.startswith(typed) and len(suggestion) > len(typed))
    return Hit(shown, typed, remaining) if remaining else None
