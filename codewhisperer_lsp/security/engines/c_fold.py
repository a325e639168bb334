"""Preprocessing and constant folding that semgrep does not do, done on the C/C++ text it is given.

semgrep reads C without its preprocessor and without folding constant branches, so a command run
through `#define RUN execl` or a buffer freed inside `if (1) { ... }` and used after that block are
out of its rules' reach. Only the scan's copy of the text changes, and every byte keeps its offset
(replacements are padded with spaces, removed code becomes spaces, newlines stay), so findings
point at the original lines and columns.

- Object-like macros of this file whose body is one identifier or integer literal no longer than
  the macro's name are expanded (`#define RUN execl`, `#define ARG data`, `#define N 10`). A name
  defined more than once (`#ifdef _WIN32 ... #else ...`) takes its last definition that fits.
- An `if` whose condition folds to a constant (integer literals, `true`/`false`, comparisons,
  `!`, `&&`, `||` of them) loses its dead branch, and the live branch's braces are dropped so the
  statements in it sit in the enclosing block, where the rules' `A; ... B;` sequences see them.
"""

from __future__ import annotations

import logging
import re

from codewhisperer_lsp.context import languages

log = logging.getLogger(__name__)

_DEFINE = re.compile(rb"^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)[ \t]+([A-Za-z_]\w*|\d+)[ \t]*(?://[^\n]*|/\*.*?\*/)?[ \t]*$",
                     re.MULTILINE)
_KEYWORDS = {b"if", b"else", b"while", b"for", b"do", b"return", b"switch", b"case", b"sizeof"}


def fold(text: str, language_id: str = "c") -> str:
    """`text` with this file's simple macros expanded and constant `if` branches folded."""
    data = text.encode("utf-8")
    data = _expand_macros(data)
    try:
        data = _fold_branches(data, language_id)
    except (ValueError, RuntimeError) as exc:  # a parser missing or failing: scan the expanded text
        log.info("C constant folding skipped: %s", exc)
    return data.decode("utf-8", errors="replace")


def _expand_macros(data: bytes) -> bytes:
    table: dict[bytes, bytes] = {}
    for match in _DEFINE.finditer(data):
        name, body = match.group(1), match.group(2)
        if len(body) <= len(name) and body not in _KEYWORDS and body != name:
            table[name] = body
    if not table:
        return data
    define_lines = {m.start(1) for m in re.finditer(rb"^[ \t]*#[ \t]*(?:define|undef|ifn?def)[ \t]+(\w+)", data, re.MULTILINE)}
    pattern = re.compile(rb"\b(" + b"|".join(re.escape(n) for n in sorted(table, key=len, reverse=True)) + rb")\b")

    def expand(match: re.Match) -> bytes:
        if match.start() in define_lines:
            return match.group(0)
        body = table[match.group(0)]
        return body + b" " * (len(match.group(0)) - len(body))

    return pattern.sub(expand, data)


def _fold_branches(data: bytes, language_id: str) -> bytes:
    if b"if" not in data:
        return data
    parser = languages.new_parser("cpp" if language_id == "cpp" else "c")
    tree = parser.parse(data)
    out = bytearray(data)
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.type == "if_statement":
            value = _constant(node.child_by_field_name("condition"))
            if value is not None:
                _fold_if(out, node, bool(value))
        stack.extend(node.children)
    return bytes(out)


def _fold_if(out: bytearray, node, value: bool) -> None:
    condition = node.child_by_field_name("condition")
    consequence = node.child_by_field_name("consequence")
    alternative = node.child_by_field_name("alternative")
    if consequence is None:
        return
    _blank(out, node.start_byte, condition.end_byte)  # `if (...)`
    live_branch = consequence if value else _else_body(alternative)
    dead_branch = alternative if value else consequence
    if dead_branch is not None:
        _blank(out, dead_branch.start_byte, dead_branch.end_byte)
    if alternative is not None and not value:
        _blank(out, alternative.start_byte, alternative.start_byte + 4)  # `else`
    if live_branch is not None and live_branch.type == "compound_statement":
        _blank(out, live_branch.start_byte, live_branch.start_byte + 1)
        _blank(out, live_branch.end_byte - 1, live_branch.end_byte)


def _else_body(alternative):
    if alternative is None:
        return None
    return next((c for c in alternative.named_children), None) if alternative.type == "else_clause" else alternative


def _blank(out: bytearray, start: int, end: int) -> None:
    for i in range(start, end):
        if out[i] not in (0x0A, 0x0D):
            out[i] = 0x20


def _constant(node) -> bool | int | None:
    """The value of a constant expression (an int, or a bool for comparisons), else None."""
    if node is None:
        return None
    kind = node.type
    if kind in ("parenthesized_expression", "condition_clause"):
        inner = node.named_children
        return _constant(inner[0]) if len(inner) == 1 else None
    if kind == "number_literal":
        text = node.text.decode("ascii", "replace").rstrip("uUlL")
        return int(text, 0) if re.fullmatch(r"0[xX][0-9a-fA-F]+|0|[1-9]\d*", text) else None
    if kind in ("true", "false"):
        return kind == "true"
    if kind == "unary_expression" and node.child_by_field_name("operator").type == "!":
        value = _constant(node.child_by_field_name("argument"))
        return None if value is None else not value
    if kind == "binary_expression":
        return _binary(node)
    return None


_COMPARE = {"==": lambda a, b: a == b, "!=": lambda a, b: a != b, "<": lambda a, b: a < b,
            ">": lambda a, b: a > b, "<=": lambda a, b: a <= b, ">=": lambda a, b: a >= b}


def _binary(node) -> bool | None:
    op = node.child_by_field_name("operator").type
    left = _constant(node.child_by_field_name("left"))
    right = _constant(node.child_by_field_name("right"))
    if left is None or right is None:
        return None
    if op in _COMPARE:
        return _COMPARE[op](left, right)
    if op == "&&":
        return bool(left) and bool(right)
    if op == "||":
        return bool(left) or bool(right)
    return None
