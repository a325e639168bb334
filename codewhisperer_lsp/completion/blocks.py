"""Where a piece of generated code ends: the block being written (by structure, confirmed by the
tree), a signature, and which lines are chatter rather than code.

The structure (indentation for Python, braces for C-like languages, `end`/`fi`/`done` for Ruby
and shell) comes from `context.block`; the stop rules use it alone while generating (cheap), the
post-processor confirms the cut with a parse.
"""

from __future__ import annotations

import re

from codewhisperer_lsp.context.block import (
    CONFIRM_LIMIT,
    INDENT_LANGUAGES,
    KEYWORD_LANGUAGES,
    NO_BLOCK_LANGUAGES,
    brace_block_end,
    count_errors,
    indent_block_end,
    keyword_block_end,
)

FENCE = re.compile(r"^\s*```")
# A model trained on chat data often ends a snippet with a demo: never part of a suggestion.
TAIL_MARKERS = re.compile(
    r"^\s*(#|//|--)\s*(example usage|usage example|test cases?|example|output|testing|usage)\b"
    r"|^if __name__ == ['\"]__main__['\"]\s*:", re.I)
MAX_BLOCK_LINES = 40


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


def structural_end(language_id: str, prefix: str, suggestion: str) -> tuple[int | None, int]:
    """(offset just after the end of the cursor's block, offset where its closer starts), by
    structure alone; (None, 0) while the suggestion stays inside the block."""
    if language_id in NO_BLOCK_LANGUAGES:
        return None, 0
    if language_id in INDENT_LANGUAGES:
        end = indent_block_end(prefix, suggestion)
        return end, end or 0
    if language_id in KEYWORD_LANGUAGES:
        return keyword_block_end(language_id, suggestion)
    return brace_block_end(suggestion)


def chatter_start(text: str) -> int | None:
    """Offset of the first line that is a markdown fence or a demo/test tail, if any."""
    offset = 0
    for line in text.split("\n"):
        if offset and (FENCE.match(line) or TAIL_MARKERS.match(line)):
            return offset
        offset += len(line) + 1
    return None


def block_finished(language_id: str, prefix: str, suggestion: str) -> bool:
    """Stop rule for block kinds: the block has ended, chatter started, or it is too long."""
    if "\n" not in suggestion:
        return False
    if suggestion.count("\n") > MAX_BLOCK_LINES or chatter_start(suggestion) is not None:
        return True
    end, _ = structural_end(language_id, prefix, suggestion)
    return end is not None


def block_cut(language_id: str, prefix: str, suggestion: str, suffix: str, suffix_closes: bool) -> int | None:
    """Where to cut `suggestion` so it ends with the cursor's block: after the block's closer, or
    before it when the text after the cursor already closes the block. The parse decides between
    the two (fewest syntax errors in the document with the suggestion in); None if the suggestion
    never leaves the block."""
    end, closer_start = structural_end(language_id, prefix, suggestion)
    if end is None:
        return None
    candidates = [closer_start, end] if suffix_closes else [end, closer_start]
    candidates = list(dict.fromkeys(candidates))
    if len(candidates) == 1 or len(prefix) + len(suffix) + end > CONFIRM_LIMIT:
        return candidates[0]
    errors = [count_errors(language_id, prefix + suggestion[:cut] + suffix) for cut in candidates]
    return candidates[errors.index(min(errors))]


SIGNATURE_END = {
    "python": re.compile(r":\s*(#.*)?$"),
    "ruby": re.compile(r"\S"),
    "shellscript": re.compile(r"(\{|\()\s*$"),
    "kotlin": re.compile(r"(\{|=)\s*$"),
    "scala": re.compile(r"(\{|=)\s*$"),
}
BRACE_OPEN = re.compile(r"\{\s*$")
PREAMBLE = ("@", "#", "//", "/*", "*", "--")  # decorator, annotation and comment lines before a header

# Languages whose files run statements at top level: there a comment may describe a statement
# ("# create the log folder") as well as a function, and the first line the model writes tells
# which. Elsewhere a comment at top level can only precede a declaration.
_JS_DEFINITION = (r"\s*(export\s+(default\s+)?)?((async\s+)?function\b|(abstract\s+)?class\b"
                  r"|(const|let|var)\s+[\w$]+\s*(:[^=]+)?=\s*(async\s+)?(function\b|\(|[\w$]+\s*=>))")
DEFINITION_START = {
    "python": re.compile(r"\s*(async\s+def|def|class)\b"),
    "shellscript": re.compile(r"\s*(function\s+[\w.:-]+|[\w.:-]+\s*\(\s*\))"),
    "ruby": re.compile(r"\s*(def|class|module)\b"),
    "javascript": re.compile(_JS_DEFINITION),
    "typescript": re.compile(_JS_DEFINITION + r"|\s*(export\s+)?(interface|type|enum|declare)\b"),
    "php": re.compile(r"\s*((abstract|final|public|private|protected|static)\s+)*(function|class|interface|trait|enum)\b"),
}


def statement_end(language_id: str, text: str, complete_only: bool = True) -> int | None:
    """After a comment at top level of a script: when the first code line of `text` is a statement
    rather than the start of a definition, the offset just after that line (the suggestion is that
    line, as line by line); None when it starts a definition, or the line is not complete yet."""
    pattern = DEFINITION_START.get(language_id)
    if pattern is None:
        return None
    offset = 0
    lines = text.split("\n")
    for index, line in enumerate(lines):
        complete = index < len(lines) - 1
        stripped = line.strip()
        if not stripped or stripped.startswith(PREAMBLE) and not stripped.startswith("#!"):
            if not complete:
                return None
            offset += len(line) + 1
            continue
        if complete_only and not complete:
            return None
        return None if pattern.match(line) else offset + len(line)
    return None


def _paren_depth(text: str) -> int:
    code = re.sub(r"\"(\\.|[^\"\\])*\"|'(\\.|[^'\\])*'", "", text)
    return sum(code.count(c) for c in "([") - sum(code.count(c) for c in ")]")


def signature_end(language_id: str, text: str, complete_only: bool = True) -> int | None:
    """Offset just after the function header at the start of `text` (a comment described the
    function; the body is asked for once the header is accepted). Leading blank lines, comment
    and decorator/annotation lines belong to it. None until the header is complete."""
    pattern = SIGNATURE_END.get(language_id, BRACE_OPEN)
    offset, header = 0, ""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        complete = index < len(lines) - 1
        if complete_only and not complete:
            return None
        offset += len(line) + (1 if complete else 0)
        stripped = line.strip()
        if not stripped or stripped.startswith(PREAMBLE) and not header:
            continue
        header += line + "\n"
        if _paren_depth(header) > 0:
            continue
        if pattern.search(line.rstrip()):
            return offset - (1 if complete else 0)
        if language_id not in SIGNATURE_END and stripped.endswith(")") and index + 1 < len(lines) \
                and lines[index + 1].strip() == "{":
            return offset + len(lines[index + 1])  # brace on its own line (C#, Allman style)
    return None
