"""Keep brackets balanced within a line: a single-line suggestion must not close a bracket that
is not open before the cursor (or that the text after the cursor already closes)."""

from __future__ import annotations

import re

from codewhisperer_lsp.completion.postprocess.base import SINGLE_LINE, Situation, Stop

PAIRS = {")": "(", "]": "[", "}": "{"}
STRING = re.compile(r"\"(\\.|[^\"\\\n])*\"?|'(\\.|[^'\\\n])*'?|`[^`]*`?")
LOOKBACK_LINES = 30


def _close(stack: list[str], closer: str) -> bool:
    """Pop up to the nearest opener `closer` matches; False when none is open. Brackets the
    rough lexing got wrong (in a docstring, say) only ever make the filter keep more."""
    opener = PAIRS[closer]
    if opener not in stack:
        return False
    while stack.pop() != opener:
        pass
    return True


def _code(text: str, comment: str | None) -> str:
    rows = []
    for row in text.split("\n"):
        row = STRING.sub(lambda m: " " * len(m.group(0)), row)
        if comment and comment in row:
            cut = row.index(comment)
            row = row[:cut] + " " * (len(row) - cut)  # keep positions: the filter cuts by index
        rows.append(row)
    return "\n".join(rows)


def _open_stack(text: str, comment: str | None) -> list[str]:
    stack: list[str] = []
    for char in _code(text, comment):
        if char in "([{":
            stack.append(char)
        elif char in PAIRS:
            _close(stack, char)
    return stack


def balance(situation: Situation, text: str) -> str:
    if situation.stop not in SINGLE_LINE or situation.stop is Stop.LINE and situation.kind.value == "comment":
        return text
    window = "\n".join(situation.prefix.split("\n")[-LOOKBACK_LINES:])
    stack = _open_stack(window, situation.comment)
    for char in _code(situation.line_suffix, situation.comment):  # closers already after the cursor
        if char in PAIRS:
            _close(stack, char)
    for index, char in enumerate(_code(text, situation.comment)):
        if char in "([{":
            stack.append(char)
        elif char in PAIRS and not _close(stack, char):
            return text[:index].rstrip()
    return text
