"""Keep brackets balanced within a line: a single-line suggestion must not close a bracket that
is not open before the cursor (or that the text after the cursor already closes)."""

from __future__ import annotations

import re

from codewhisperer_lsp.completion.postprocess.base import SINGLE_LINE, Context, Stop

PAIRS = {")": "(", "]": "[", "}": "{"}
STRING = re.compile(r"\"(\\.|[^\"\\\n])*\"?|'(\\.|[^'\\\n])*'?|`[^`]*`?")
LOOKBACK_LINES = 30


def _open_stack(text: str) -> list[str]:
    stack: list[str] = []
    for char in STRING.sub("", text):
        if char in "([{":
            stack.append(char)
        elif char in PAIRS and stack and stack[-1] == PAIRS[char]:
            stack.pop()
    return stack


def balance(context: Context, text: str) -> str:
    if context.stop not in SINGLE_LINE or context.stop is Stop.LINE and context.kind.value == "comment":
        return text
    window = "\n".join(context.prefix.split("\n")[-LOOKBACK_LINES:])
    stack = _open_stack(window)
    for char in STRING.sub("", context.line_suffix):  # closers already after the cursor
        if char in PAIRS and stack and stack[-1] == PAIRS[char]:
            stack.pop()
    masked = STRING.sub(lambda m: " " * len(m.group(0)), text)
    for index, char in enumerate(masked):
        if char in "([{":
            stack.append(char)
        elif char in PAIRS:
            if not stack or stack[-1] != PAIRS[char]:
                return text[:index].rstrip()
            stack.pop()
    return text
