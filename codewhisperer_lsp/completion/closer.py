"""The closing brace a new line is for, known without the model.

An empty line indented back to the line that opened the innermost open `{` (the lines between it
and the cursor indented deeper), in a document whose `{` outnumber its `}`, is where that block
closes. The model often writes something else there: at the end of a function it starts the next
one (`int main(){`, `module.exports = ...`), or a statement that belongs inside the block. On the
tune part of the humaneval-x single-line set (bench/infill_bench.py --part tune, every line of the
63 tune problems in C++, Go, Java, JavaScript and Rust) the rule held on 1,057 lines and the
closer it writes was the expected line on 1,056 (Rust/76 closes an `if` with `};`); 1,153 of those
4,022 lines start with `}`. Either trigger answers it without asking the model (service.py).

The closer is `}` followed by the closers of the brackets the opening line left open before its
`{` (`});` for `items.forEach(item => {`), and a `;` where the block was an expression or a
declaration that ends with one (`let x = if a {`, `struct S {` in C++).
"""

from __future__ import annotations

import re

from codewhisperer_lsp.completion.situation import Situation

BRACE_LANGUAGES = frozenset({"c", "cpp", "csharp", "go", "java", "javascript", "kotlin", "php", "rust", "scala",
                             "typescript", "typescriptreact"})
SEMICOLON_LANGUAGES = frozenset({"c", "cpp", "csharp", "java", "javascript", "php", "rust", "typescript",
                                 "typescriptreact"})
# where `const f = (x) => {` closes with a bare `}` as often as not (66 of 171 on the tune part)
OPTIONAL_SEMICOLON = frozenset({"javascript", "typescript", "typescriptreact"})
COUNT_LIMIT = 200_000  # characters of document beyond which nothing is counted
PAIRS = {"(": ")", "[": "]"}
# strings, `//` comments and `/* */` comments, blanked before counting; `'` opens a string where
# the language has single-quoted strings, else a character literal (never a Rust lifetime)
COMMENTS = r"/\*.*?(\*/|$)|//[^\n]*"
NOISE = re.compile(r"\"(\\.|[^\"\\\n])*\"?|'(\\.|[^'\\\n])*'?|`[^`]*`?|" + COMMENTS, re.S)
NOISE_CHARS = re.compile(r"\"(\\.|[^\"\\\n])*\"?|'(\\.[^'\n]*|[^'\\\n])'|`[^`]*`?|" + COMMENTS, re.S)
SINGLE_QUOTED_STRINGS = frozenset({"javascript", "typescript", "typescriptreact", "php"})
ASSIGNMENT = re.compile(r"(?<![=!<>+\-*/%&|^])=(?![=>])")
CONTROL = re.compile(r"^\s*(\}\s*)?(if|else|while|for|match|switch)\b")  # `if let x = y {` assigns nothing
DECLARATION = re.compile(r"^\s*(typedef\s+)?(struct|class|enum|union)\b")


def _blank(text: str, language_id: str) -> str:
    """`text` with strings and comments replaced by spaces (line breaks kept)."""
    noise = NOISE if language_id in SINGLE_QUOTED_STRINGS else NOISE_CHARS
    return noise.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _width(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def _innermost_open(code: str) -> int | None:
    """Index in `code` of the innermost `{` left open; None when all are closed."""
    stack: list[int] = []
    for index, char in enumerate(code):
        if char == "{":
            stack.append(index)
        elif char == "}" and stack:
            stack.pop()
    return stack[-1] if stack else None


def _tail(opener: str, language_id: str) -> str:
    """What follows `}`: the brackets `opener` (its line up to the brace) left open, and a `;`."""
    stack: list[str] = []
    outside = []  # the opener's characters outside its brackets, where an assignment counts
    for char in opener:
        if char in PAIRS:
            stack.append(PAIRS[char])
        elif char in ")]" and stack:
            stack.pop()
        elif not stack:
            outside.append(char)
    tail = "".join(reversed(stack))
    assigned = ASSIGNMENT.search("".join(outside)) and not CONTROL.match(opener) \
        and language_id not in OPTIONAL_SEMICOLON
    if language_id in SEMICOLON_LANGUAGES and (tail or assigned
                                               or language_id in ("c", "cpp") and DECLARATION.match(opener)):
        tail += ";"
    return tail


def missing_closer(situation: Situation) -> str | None:
    """The closing line for an empty line at the cursor dedented to an open block's start, else None."""
    if situation.language_id not in BRACE_LANGUAGES or situation.line_prefix.strip() \
            or situation.line_suffix.strip():
        return None
    prefix, indent = situation.prefix, situation.line_prefix
    if len(prefix) + len(situation.suffix) > COUNT_LIMIT:
        return None
    code = _blank(prefix, situation.language_id)
    brace = _innermost_open(code)
    if brace is None:
        return None
    start = code.rfind("\n", 0, brace) + 1
    if _width(code[start:]) != indent:
        return None
    rows = [row for row in code[brace:].split("\n")[1:-1] if row.strip()]
    if not rows or any(len(_width(row)) <= len(indent) for row in rows):
        return None
    whole = _blank(prefix + situation.suffix, situation.language_id)
    if whole.count("{") <= whole.count("}"):
        return None
    return "}" + _tail(code[start:brace], situation.language_id)
