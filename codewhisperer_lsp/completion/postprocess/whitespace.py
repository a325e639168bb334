"""Trailing spaces and blank lines are noise in ghost text."""

from __future__ import annotations

from codewhisperer_lsp.completion.postprocess.base import Situation


def trim(situation: Situation, text: str) -> str:
    lines = [row.rstrip() for row in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)
