"""Where a block of generated code ends: by indentation (Python and other off-side languages) or by
bracket depth (brace languages), and which lines are chatter rather than code.
"""

from __future__ import annotations

import re

OFFSIDE = {"python"}
KEYWORD_END = {"ruby": r"end\b", "shellscript": r"(fi|done|esac|\})\b"}
FENCE = re.compile(r"^\s*```")
# A model trained on chat data often ends a snippet with a demo: never part of a suggestion.
TAIL_MARKERS = re.compile(
    r"^\s*(#|//|--)\s*(example usage|usage example|test cases?|example|output|testing)\b", re.I)


def indent_width(line: str, tab: int = 4) -> int:
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += tab
        else:
            break
    return width


def _strip_strings(line: str) -> str:
    return re.sub(r"\"(\\.|[^\"\\])*\"|'(\\.|[^'\\])*'|`[^`]*`", "", line)


def bracket_delta(line: str, comment: str | None) -> int:
    code = _strip_strings(line)
    if comment and comment in code:
        code = code.split(comment, 1)[0]
    return sum(code.count(c) for c in "{([") - sum(code.count(c) for c in "})]")


def block_lines(language_id: str, text: str, base_indent: int, comment: str | None,
                suffix_closes: bool) -> tuple[list[str], bool]:
    """The complete lines of `text` that belong to the block being written, and whether the block
    is finished. `base_indent` is the indentation of the block's body; `suffix_closes` tells that
    the closing bracket already follows the cursor (the editor auto-closed it)."""
    lines = text.split("\n")
    kept: list[str] = []
    depth = 0
    for index, line in enumerate(lines):
        complete = index < len(lines) - 1
        if FENCE.match(line) or TAIL_MARKERS.match(line):
            return kept, True
        stripped = line.strip()
        if language_id in OFFSIDE:
            if stripped and complete and indent_width(line) < base_indent and kept:
                return kept, True
            if stripped and indent_width(line) < base_indent and not kept:
                return kept, True
        else:
            closing = KEYWORD_END.get(language_id)
            delta = bracket_delta(line, comment)
            if closing and re.match(closing, stripped) and indent_width(line) < base_indent:
                if not suffix_closes:
                    kept.append(line)
                return kept, True
            if depth + delta < 0:
                if not suffix_closes:
                    kept.append(line)
                return kept, True
            depth += delta
            if stripped and indent_width(line) < base_indent and kept and depth <= 0 and complete \
                    and not stripped.startswith(("}", ")", "]")):
                return kept, True
        kept.append(line)
    return kept, False
