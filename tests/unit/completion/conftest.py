"""Golden tests for the completion pipeline: the cursor is marked with <|> in the source."""

from __future__ import annotations

from codewhisperer_lsp.completion.situation import Situation, situate_marked


def at(language_id: str, marked: str) -> Situation:
    return situate_marked(language_id, marked)
