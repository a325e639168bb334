"""Where a multi-line suggestion finishes the block the cursor was in.

Models keep writing past the end of the body they were asked for: the rest of the class,
the next function, a duplicate of the code below the cursor. The post-processor cuts the
suggestion at the offset found here. Structure decides the candidate (indentation for
Python, brace balance for C-like languages, `end`/`fi`/`done` for Ruby and shell), and a
tree-sitter parse confirms it where that is cheap: the cut must not add syntax errors to
the document compared with the document without any suggestion.
"""

from __future__ import annotations

import logging
import re

from .languages import resolve
from .syntax import count_tree_errors, parse

logger = logging.getLogger(__name__)

CONFIRM_LIMIT = 200_000  # characters; above this, parsing twice per suggestion costs too much
INDENT_LANGUAGES = frozenset({"python"})
KEYWORD_LANGUAGES = frozenset({"ruby", "shellscript"})
NO_BLOCK_LANGUAGES = frozenset({"sql"})


def count_errors(language_id: str, text: str) -> int:
    """ERROR and MISSING nodes in a parse of `text`; 0 for a language without a grammar."""
    tree = parse(language_id, text)
    return count_tree_errors(tree) if tree is not None else 0


def has_syntax_errors(language_id: str, text: str) -> bool:
    tree = parse(language_id, text)
    return tree is not None and tree.root_node.has_error


def block_end_offset(language_id: str, prefix: str, suggestion: str, suffix: str) -> int | None:
    """Offset in `suggestion` just after the end of the block the cursor is in, or None.

    None means the suggestion never leaves that block (or the language has no blocks, or
    the parse contradicts the structural guess).
    """
    language = resolve(language_id)
    if language is None or language.id in NO_BLOCK_LANGUAGES:
        return None
    if language.id in INDENT_LANGUAGES:
        end = indent_block_end(prefix, suggestion)
        closer_start = end
    elif language.id in KEYWORD_LANGUAGES:
        end, closer_start = keyword_block_end(language.id, suggestion)
    else:
        end, closer_start = brace_block_end(suggestion)
    if end is None or not _confirmed(language.id, prefix, suggestion, suffix, end, closer_start):
        return None
    return end


def _confirmed(language_id: str, prefix: str, suggestion: str, suffix: str, end: int, closer_start: int) -> bool:
    """The cut adds no syntax errors, with or without its closer (the suffix may close already)."""
    if len(prefix) + len(suffix) + end > CONFIRM_LIMIT:
        return True
    baseline = count_errors(language_id, prefix + suffix)
    for cut in dict.fromkeys((end, closer_start)):
        if count_errors(language_id, prefix + suggestion[:cut] + suffix) <= baseline:
            return True
    logger.debug("block end at %d not confirmed by the parse (%s)", end, language_id)
    return False


def _lines_with_offsets(text: str) -> list[tuple[int, str]]:
    """(offset of the line in `text`, line without its break) for every line."""
    result, start = [], 0
    for match in re.finditer(r"\r\n|\r|\n", text):
        result.append((start, text[start : match.start()]))
        start = match.end()
    result.append((start, text[start:]))
    return result


def _width(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def indent_block_end(prefix: str, suggestion: str) -> int | None:
    """Python: the block ends before the first non-empty line dedented below the body."""
    current = re.split(r"\r\n|\r|\n", prefix)[-1]
    lines = _lines_with_offsets(suggestion)
    body_width, last_end = None, None
    for index, (offset, line) in enumerate(lines):
        full = current + line if index == 0 else line
        if index == 0 and current.strip():
            last_end = offset + len(line.rstrip()) if line.strip() else None
            continue  # the cursor line itself: its indent is not the body's
        if not full.strip():
            continue
        width = _width(full)
        if body_width is None:
            body_width = width
        elif width < body_width:
            return last_end if last_end is not None else 0
        last_end = offset + len(line.rstrip())
    return None


def brace_block_end(suggestion: str) -> tuple[int | None, int]:
    """C-like: just after the `}` that closes the brace the cursor is inside."""
    depth = 0
    for index, char in _code_chars(suggestion):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                return index + 1, _trim_back(suggestion, index)
    return None, 0


def _trim_back(text: str, index: int) -> int:
    while index > 0 and text[index - 1] in " \t\r\n":
        index -= 1
    return index


STRING_QUOTES = "\"'`"


def _code_chars(text: str):
    """(index, char) of characters outside strings and comments, approximately lexed."""
    index, length = 0, len(text)
    while index < length:
        char = text[index]
        if text.startswith("//", index):
            index = _line_end(text, index)
        elif text.startswith("/*", index):
            close = text.find("*/", index + 2)
            index = length if close < 0 else close + 2
        elif char in STRING_QUOTES:
            index = _string_end(text, index)
        else:
            yield index, char
            index += 1


def _line_end(text: str, index: int) -> int:
    match = re.compile(r"\r|\n").search(text, index)
    return match.start() if match else len(text)


def _string_end(text: str, start: int) -> int:
    """Index after the string opening at `start`; a quote never closed on its line (a Rust
    lifetime, an apostrophe) is taken as a plain character."""
    quote, index = text[start], start + 1
    limit = len(text) if quote == "`" else _line_end(text, start)
    while index < limit:
        if text[index] == "\\":
            index += 2
        elif text[index] == quote:
            return index + 1
        else:
            index += 1
    return start + 1 if quote != "`" else len(text)


RUBY_OPENERS = re.compile(r"^\s*(def|class|module|if|unless|while|until|case|begin|for)\b")
RUBY_DO = re.compile(r"\bdo\b")
RUBY_LOOP_HEAD = re.compile(r"^\s*(while|until|for)\b")
RUBY_END = re.compile(r"(?<![.\w:@$])end\b(?![?!:])")
SHELL_WORD = re.compile(r"(?:^|[;&|(]|\bthen\b|\bdo\b|\belse\b)\s*(if|case|do|fi|esac|done|\{|\})(?=\s|;|$)")
SHELL_OPEN = frozenset({"if", "case", "do", "{"})


def keyword_block_end(language_id: str, suggestion: str) -> tuple[int | None, int]:
    """Ruby and shell: just after the `end`/`fi`/`done`/`esac`/`}` closing the cursor's block."""
    depth = 0
    for offset, line in _lines_with_offsets(suggestion):
        code = _strip_hash_comment(line)
        for position, delta in _keyword_deltas(language_id, code):
            depth += delta
            if depth < 0:
                closer = offset + position
                word = re.match(r"\w+|\}", suggestion[closer:])
                return closer + (len(word.group(0)) if word else 1), _trim_back(suggestion, closer)
    return None, 0


def _strip_hash_comment(line: str) -> str:
    """The line with quoted text blanked and a trailing # comment removed (keeps positions)."""
    blanked = re.sub(r"\"(\\.|[^\"\\])*\"|'[^']*'", lambda m: " " * len(m.group(0)), line)
    cut = re.search(r"(^|\s)#", blanked)
    return blanked[: cut.start()] if cut else blanked


def _keyword_deltas(language_id: str, code: str) -> list[tuple[int, int]]:
    """(position, +1 opener / -1 closer) of block keywords on one line, in order."""
    if language_id == "shellscript":
        return [(m.start(1), 1 if m.group(1) in SHELL_OPEN else -1) for m in SHELL_WORD.finditer(code)]
    deltas = []
    opener = RUBY_OPENERS.match(code)
    if opener:
        deltas.append((opener.start(1), 1))
    if not RUBY_LOOP_HEAD.match(code):
        deltas += [(m.start(), 1) for m in RUBY_DO.finditer(code)]
    deltas += [(m.start(), 1) for m in re.finditer(r"\{", code)]
    deltas += [(m.start(), -1) for m in re.finditer(r"\}", code)]
    deltas += [(m.start(), -1) for m in RUBY_END.finditer(code)]
    return sorted(deltas)
