"""Constant folding that semgrep does not do, done on the Java text it is given.

`s.charAt(N)`, where `s` is a local `String` set once from a literal, becomes that character's
literal (`'B'`), padded with spaces to the call's length so every line and column stays where it
was. The taint rules' switch fold (semgrep_rules/java.yaml) then sees `char c = 'B';` and knows
which case of a `switch (c)` runs. Only the scan's copy of the text changes.
"""

from __future__ import annotations

import re

_STRING_LITERAL = re.compile(r'\bString[ \t]+(\w+)[ \t]*=[ \t]*"([^"\\\n]*)"[ \t]*;')


def fold(text: str) -> str:
    """`text` with `name.charAt(N)` of constant strings replaced by character literals."""
    if "charAt" not in text:
        return text
    for decl in list(_STRING_LITERAL.finditer(text)):
        name, value = decl.group(1), decl.group(2)
        start = decl.end()
        end = _scope_end(text, name, start)
        if re.search(rf"\b{name}[ \t]*(?:[+]?=(?!=))", text[start:end]):
            continue  # assigned again: not a constant
        calls = re.compile(rf"\b{name}[ \t]*\.[ \t]*charAt\([ \t]*(\d+)[ \t]*\)")
        text = text[:start] + calls.sub(lambda m: _char_literal(m, value), text[start:end]) + text[end:]
    return text


def _scope_end(text: str, name: str, start: int) -> int:
    """Where another declaration of `name` starts (another method's variable), or the end."""
    again = re.compile(rf"\b[\w<>\[\]]+[ \t]+{name}[ \t]*[=;]").search(text, start)
    return again.start() if again else len(text)


def _char_literal(call: re.Match, value: str) -> str:
    index = int(call.group(1))
    if index >= len(value) or value[index] == "'":
        return call.group(0)
    literal = f"'{value[index]}'"
    return literal + " " * (len(call.group(0)) - len(literal))
