"""What the user is writing at the cursor, read from the syntax tree.

The completion engine needs to decide, before calling the model, whether to complete at
all (not inside a plain string), how much to ask for (one line, a block body, a whole
function) and how to indent it. Those decisions depend on syntax, so they are made here,
once, for all 15 grammars; the engine only reads the resulting `CursorContext`.
"""

from __future__ import annotations

import enum
import logging
import re
from collections import Counter
from dataclasses import dataclass
from typing import Protocol

import tree_sitter

from .languages import Language
from .positions import LineIndex, from_byte_offset, to_byte_offset
from .syntax import (
    CLASS_NODES,
    CONTROL_NODES,
    DATA_NODES,
    FUNCTION_NODES,
    INTERPOLATION_NODES,
    WRAPPER_NODES,
    ancestors,
    function_name,
    header_text,
    is_comment,
    is_string,
)

logger = logging.getLogger(__name__)


class CompletionKind(enum.Enum):
    SINGLE_LINE_MID = "single_line_mid"  # text after the cursor on its line: complete within the line
    LINE = "line"  # end of a line, or an empty line inside a body: the current/next line
    BLOCK_BODY = "block_body"  # empty body right after a block header (if/for/class...)
    FUNCTION_BODY = "function_body"  # empty body right after a function signature
    DOCSTRING_BODY = "docstring_body"  # signature + its doc comment/docstring, empty body
    COMMENT_TO_FUNCTION = "comment_to_function"  # empty line after a top/class-level comment
    COMMENT = "comment"  # inside a comment or docstring: complete the prose
    NONE = "none"  # inside a plain string, mid-word, or nowhere code makes sense


@dataclass(frozen=True)
class Indent:
    text: str  # leading whitespace of the line where the suggestion starts
    unit: str  # one indentation level in this file: "\t" or N spaces


@dataclass(frozen=True)
class FunctionInfo:
    name: str | None
    header: str  # the signature text, up to the body


@dataclass(frozen=True)
class CursorContext:
    kind: CompletionKind
    language_id: str
    indent: Indent
    block_indent: str  # indentation the suggested body lines should have
    enclosing_function: FunctionInfo | None
    node_type: str | None  # type of the smallest syntax node at the cursor
    in_string: bool
    in_comment: bool
    offset: int  # str index of the cursor in the text


class Document(Protocol):
    """What `analyze` reads: a `DocumentTree` and a `DocumentVersion` both qualify."""

    text: str
    language_id: str
    language: Language | None
    tree: tree_sitter.Tree | None


DEFAULT_UNITS = {"go": "\t", "ruby": "  ", "javascript": "  ", "typescript": "  ",
                 "typescriptreact": "  ", "scala": "  ", "shellscript": "  ", "sql": "  "}
BODY_KINDS = (CompletionKind.BLOCK_BODY, CompletionKind.FUNCTION_BODY, CompletionKind.DOCSTRING_BODY)
CLOSERS = re.compile(r"^\s*(\}|\)|\]|end\b|fi\b|done\b|esac\b|else\b|elif\b|elsif\b|except\b|finally\b|"
                     r"catch\b|rescue\b|ensure\b|when\b|case\b|default\b|in\b)")
WORD_CHAR = re.compile(r"\w")


@dataclass
class _Cursor:
    """Everything about one cursor position that the classification steps share."""

    text: str
    source: bytes
    lines: LineIndex
    tree: tree_sitter.Tree | None
    language_id: str
    row: int
    offset: int
    byte: int
    before: str
    after: str
    unit: str

    @property
    def line_blank(self) -> bool:
        return not self.before.strip() and not self.after.strip()

    def line_bytes(self, row: int) -> tuple[int, int]:
        start, end = self.lines.line_span(row)
        start_byte = to_byte_offset(self.text, start)
        return start_byte, start_byte + len(self.text[start:end].encode("utf-8"))

    def row_of_byte(self, byte: int) -> int:
        return self.lines.line_of(from_byte_offset(self.text, byte))

    def indent_of(self, row: int) -> str:
        line = self.lines.line_text(row)
        return line[: len(line) - len(line.lstrip())]

    def node_at(self, start: int, end: int) -> tree_sitter.Node:
        return self.tree.root_node.descendant_for_byte_range(start, end)


def analyze(doc: Document, line: int, character: int) -> CursorContext:
    """Classify the cursor at LSP (line, UTF-16 character) in `doc`; never raises on bad positions."""
    cur = _make_cursor(doc, line, character)
    if cur.tree is None:
        return _text_only(cur, doc.language)
    string, docstring, in_comment = _literal_state(cur)
    in_string = string is not None
    kind, header = _classify(cur, string, docstring, in_comment)
    return CursorContext(
        kind=kind,
        language_id=cur.language_id,
        indent=Indent(cur.indent_of(cur.row), cur.unit),
        block_indent=_block_indent(cur, kind, header),
        enclosing_function=_function_info(cur, header if kind in BODY_KINDS else None),
        node_type=_node_type(cur),
        in_string=in_string,
        in_comment=in_comment,
        offset=cur.offset,
    )


def _make_cursor(doc: Document, line: int, character: int) -> _Cursor:
    text = doc.text
    lines = getattr(doc, "lines", None)
    if not isinstance(lines, LineIndex) or lines.text is not text:
        lines = LineIndex(text)
    offset = lines.offset(line, character)
    row = lines.line_of(offset)
    start, end = lines.line_span(row)
    language_id = doc.language.id if doc.language else doc.language_id
    return _Cursor(text, text.encode("utf-8"), lines, doc.tree, language_id, row, offset,
                   to_byte_offset(text, offset), text[start:offset], text[offset:end],
                   detect_indent_unit(lines, row, DEFAULT_UNITS.get(language_id, "    ")))


def detect_indent_unit(lines: LineIndex, around: int, default: str = "    ", span: int = 200) -> str:
    """The file's indentation level: tabs if most indented lines use them, else the commonest step."""
    tabs = spaces = previous = 0
    steps: Counter[int] = Counter()
    for row in range(max(0, around - span), min(lines.line_count, around + span)):
        line = lines.line_text(row)
        stripped = line.lstrip()
        width = len(line) - len(stripped)
        # comment continuations (" * ") and C++ access labels (" public:") are off the grid
        if not stripped or stripped.startswith("*") or width == 1:
            continue
        if line.startswith("\t"):
            tabs += 1
            continue
        spaces += 1 if width else 0
        if 0 < width - previous <= 8:
            steps[width - previous] += 1
        previous = width
    if tabs > spaces:
        return "\t"
    if len(steps) > 1:
        steps.pop(1, None)
    return " " * steps.most_common(1)[0][0] if steps else default


def _text_only(cur: _Cursor, language: Language | None) -> CursorContext:
    """Without a grammar only the line itself tells anything."""
    marker = language.line_comment if language else None
    in_comment = bool(marker and marker in cur.before and cur.before.lstrip().startswith(marker))
    if in_comment:
        kind = CompletionKind.COMMENT
    else:
        kind = CompletionKind.SINGLE_LINE_MID if cur.after.strip() else CompletionKind.LINE
    indent = cur.indent_of(cur.row)
    return CursorContext(kind, cur.language_id, Indent(indent, cur.unit), indent, None, None,
                         False, in_comment, cur.offset)


def _literal_state(cur: _Cursor) -> tuple[tree_sitter.Node | None, bool, bool]:
    """(the string the cursor is in, that string is a docstring, in a comment) at the cursor."""
    for leaf in _leaves_touching(cur):
        for node in ancestors(leaf):
            if node.type in INTERPOLATION_NODES:
                break
            if is_comment(node) and _inside_comment(cur, node):
                return None, False, True
            if is_string(node) and _inside_string(cur, node):
                top = _outermost_string(node)
                return top, _is_docstring(top), False
    return None, False, False


def _leaves_touching(cur: _Cursor) -> list[tree_sitter.Node]:
    leaves = [cur.node_at(cur.byte, cur.byte)]
    if cur.byte > 0:
        leaves.insert(0, cur.node_at(cur.byte - 1, cur.byte))
    return leaves


def _inside_comment(cur: _Cursor, node: tree_sitter.Node) -> bool:
    if not node.start_byte < cur.byte <= node.end_byte:
        return False
    if cur.byte < node.end_byte:
        return True
    text = node.text or b""
    return not text.rstrip().endswith(b"*/") and not text.rstrip().endswith(b"-}")


def _inside_string(cur: _Cursor, node: tree_sitter.Node) -> bool:
    if node.start_byte < cur.byte < node.end_byte:
        return True
    unterminated = node.has_error or any(child.is_missing for child in node.children)
    return unterminated and node.start_byte < cur.byte == node.end_byte


def _outermost_string(node: tree_sitter.Node) -> tree_sitter.Node:
    while node.parent is not None and is_string(node.parent):
        node = node.parent
    return node


def _is_docstring(string: tree_sitter.Node) -> bool:
    """A Python-style docstring: the first statement of a module, class or function body."""
    statement = string.parent
    if statement is None or statement.type != "expression_statement" or statement.named_child_count != 1:
        return False
    body = statement.parent
    if body is None or body.type not in ("block", "module"):
        return False
    first = next((child for child in body.named_children if not is_comment(child)), None)
    return first == statement


def _classify(cur: _Cursor, string: tree_sitter.Node | None, docstring: bool, in_comment: bool):
    """The completion kind, and the header node when the cursor starts a body."""
    if in_comment or docstring:
        return CompletionKind.COMMENT, None
    mid_word = cur.before[-1:] and cur.after[:1] and WORD_CHAR.match(cur.before[-1]) and WORD_CHAR.match(cur.after[0])
    if string is not None:
        # At the end of a string's text on this line (`echo "Hello, |"`): finish it like the rest
        # of a line. Text still after the cursor in the string, or a string over several lines
        # (a template, a SQL text): there is no telling what belongs, so nothing.
        one_line = string.start_point.row == string.end_point.row == cur.row
        rest = cur.source[cur.byte:string.end_byte].decode("utf-8", "replace").strip()
        at_end = len(rest) <= 3 and not any(char.isalnum() for char in rest)
        return (CompletionKind.SINGLE_LINE_MID if one_line and at_end and not mid_word else CompletionKind.NONE), None
    if cur.after.strip():
        return (CompletionKind.NONE if mid_word else CompletionKind.SINGLE_LINE_MID), None
    header_row = cur.row if cur.before.strip() else _previous_code_row(cur, cur.row)
    if header_row is not None:
        body = _body_start(cur, header_row)
        if body is not None:
            return body
    if cur.line_blank and _after_standalone_comment(cur):
        return CompletionKind.COMMENT_TO_FUNCTION, None
    return CompletionKind.LINE, None


def _previous_code_row(cur: _Cursor, row: int) -> int | None:
    for candidate in range(row - 1, -1, -1):
        if cur.lines.line_text(candidate).strip():
            return candidate
    return None


def _next_code_row(cur: _Cursor, row: int) -> int | None:
    for candidate in range(row + 1, cur.lines.line_count):
        if cur.lines.line_text(candidate).strip():
            return candidate
    return None


def _body_start(cur: _Cursor, header_row: int):
    """(kind, header node) when `header_row` ends a header whose body is still empty."""
    leaf = _last_code_leaf(cur, header_row)
    if leaf is None:
        return None
    docstring_function = _docstring_function(leaf)
    if docstring_function is not None:
        # The docstring is the body's first statement: code below it at its indentation is more
        # of the body (a line is missing there), not the end of the function.
        if not _body_is_empty(cur, header_row, docstring_function.start_point.row):
            return None
        return CompletionKind.DOCSTRING_BODY, docstring_function
    if not _body_is_empty(cur, header_row):
        return None
    header = _header_node(leaf)
    if header is None:
        return _header_by_text(cur, header_row)
    if header.type in DATA_NODES:
        return None
    if header.type in FUNCTION_NODES:
        kind = CompletionKind.DOCSTRING_BODY if _has_doc_comment(header) else CompletionKind.FUNCTION_BODY
        return kind, header
    return CompletionKind.BLOCK_BODY, header


def _last_code_leaf(cur: _Cursor, row: int) -> tree_sitter.Node | None:
    """The last token on `row` that is not a comment, or None for a comment-only line."""
    line_start, pos = cur.line_bytes(row)
    if row == cur.row:
        pos = min(pos, cur.byte)
    while True:
        while pos > line_start and cur.source[pos - 1 : pos] in (b" ", b"\t", b"\r", b"\n"):
            pos -= 1
        if pos <= line_start:
            return None
        leaf = cur.node_at(pos - 1, pos)
        comment = next((n for n in ancestors(leaf) if is_comment(n)), None)
        if comment is None:
            return leaf
        if comment.start_byte <= line_start:
            return None
        pos = comment.start_byte


def _body_is_empty(cur: _Cursor, header_row: int, indent_row: int | None = None) -> bool:
    """Nothing but closers (`}`, `end`, `else`...) follows before the code dedents to the
    indentation of the statement on `indent_row` (the header's own, by default)."""
    after = cur.row if header_row == cur.row else max(cur.row, header_row)
    if cur.after.strip():
        return False
    following = _next_code_row(cur, after)
    if following is None:
        return True
    header_width = len(cur.indent_of(_statement_start_row(cur, header_row if indent_row is None else indent_row))
                       .expandtabs(4))
    line = cur.lines.line_text(following)
    width = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
    return width <= header_width or bool(CLOSERS.match(line))


def _docstring_function(leaf: tree_sitter.Node) -> tree_sitter.Node | None:
    """The function whose docstring ends with `leaf`, when it is the only statement so far."""
    string = next((n for n in ancestors(leaf) if is_string(n)), None)
    if string is None:
        return None
    string = _outermost_string(string)
    if string.end_byte != leaf.end_byte or not _is_docstring(string):
        return None
    body = string.parent.parent
    function = body.parent
    if function is None or function.type not in FUNCTION_NODES:
        return None
    return function


def _header_node(leaf: tree_sitter.Node) -> tree_sitter.Node | None:
    """The function/control/class/data node that `leaf` ends the header of, if any."""
    child = leaf
    for node in ancestors(leaf.parent):
        if node.type == "ERROR":
            return None
        if node.type in FUNCTION_NODES or node.type in CONTROL_NODES or node.type in CLASS_NODES \
                or node.type in DATA_NODES:
            return node if _ends_header(node, child, leaf) else None
        child = node
    return None


HEADER_FIELDS = frozenset({
    "name", "parameters", "condition", "value", "left", "right", "subject", "type", "return_type",
    "result", "receiver", "pattern", "arguments", "declarator", "type_parameters", "superclass",
    "superclasses", "interfaces", "initializer", "update", "variable", "iterable", "trait",
    "label", "exceptions", "cases", "alternative",
})
NOT_OPENERS = frozenset({"}", ")", "]", ";", "end", "fi", "done", "esac", ","})


def _ends_header(node: tree_sitter.Node, child: tree_sitter.Node, leaf: tree_sitter.Node) -> bool:
    """`leaf` closes `node`'s header, instead of ending a statement inside its body."""
    if child == leaf:
        return leaf.type not in NOT_OPENERS
    if leaf.start_byte == child.start_byte and child.end_byte > leaf.end_byte:
        return leaf.type not in NOT_OPENERS  # the `{` / `do` opening the body
    if leaf.start_byte == child.start_byte and leaf.type in ("{", "do", "then", ":"):
        return True  # a body made only of its opening token (recovered parse)
    field = _field_of(node, child)
    return field in HEADER_FIELDS and leaf.end_byte == child.end_byte


def _field_of(node: tree_sitter.Node, child: tree_sitter.Node) -> str | None:
    for index, candidate in enumerate(node.children):
        if candidate == child:
            return node.field_name_for_child(index)
    return None


def _has_doc_comment(function: tree_sitter.Node) -> bool:
    """A comment sits directly above the function (or above its export/decorator wrapper)."""
    outer = function
    while outer.parent is not None and outer.parent.type in WRAPPER_NODES - {"block", "ERROR"}:
        outer = outer.parent
    previous = outer.prev_sibling
    if previous is None and outer.parent is not None and outer.parent.type in ("lambda_literal", "annotated_lambda"):
        return False
    if previous is None or not is_comment(previous):
        return False
    return previous.end_point.row >= outer.start_point.row - 1


SIGNATURE_PATTERNS = {
    "python": re.compile(r"^\s*(async\s+)?def\s+\w+.*:\s*$", re.S),
    "ruby": re.compile(r"^\s*def\s+\S+"),
    "shellscript": re.compile(r"^\s*(function\s+[\w-]+|[\w-]+\s*\(\s*\))\s*(\{|\()?\s*$"),
    "go": re.compile(r"^\s*func\b.*\{\s*$", re.S),
    "rust": re.compile(r"\bfn\s+\w+.*\{\s*$", re.S),
    "kotlin": re.compile(r"\bfun\s+[\w.<>]+\s*\(.*(\{|=)\s*$", re.S),
    "scala": re.compile(r"\bdef\s+\w+.*(\{|=)\s*$", re.S),
}
C_LIKE_SIGNATURE = re.compile(r"^\s*(?!(if|for|while|switch|catch|else|do|try|return|new)\b)"
                              r"[\w$][\w$<>\[\],.*&:~\s]*\s*\([^;{}]*\)\s*[\w\s,:<>\[\].]*\{\s*$", re.S)
JS_FUNCTION = re.compile(r"\bfunction\b[^{}]*\{\s*$|=>\s*\{\s*$", re.S)
PY_BLOCK = re.compile(r"^\s*(if|elif|else|for|while|try|except|finally|with|match|case|class|async)\b.*:\s*$", re.S)
RUBY_BLOCK = re.compile(r"^\s*(if|unless|while|until|for|case|when|begin|else|elsif|rescue|ensure|class|module)\b"
                        r"|\bdo(\s*\|[^|]*\|)?\s*$")
SHELL_BLOCK = re.compile(r"(\bthen|\bdo|\belse|\{|\bin)\s*$|^\s*[^)]*\)\s*$")


def _header_by_text(cur: _Cursor, header_row: int):
    """Fallback when the parse around the header failed: recognise common header shapes."""
    start = _statement_start_row(cur, header_row)
    header = "\n".join(cur.lines.line_text(r) for r in range(start, header_row + 1))
    if _looks_like_signature(cur.language_id, header):
        return CompletionKind.FUNCTION_BODY, None
    if _looks_like_block(cur.language_id, header):
        return CompletionKind.BLOCK_BODY, None
    return None


def _looks_like_signature(language_id: str, header: str) -> bool:
    pattern = SIGNATURE_PATTERNS.get(language_id)
    if pattern is not None:
        return bool(pattern.search(header))
    if language_id in ("javascript", "typescript", "typescriptreact", "php") and JS_FUNCTION.search(header):
        return True
    return language_id != "sql" and bool(C_LIKE_SIGNATURE.match(header))


def _looks_like_block(language_id: str, header: str) -> bool:
    if language_id == "python":
        return bool(PY_BLOCK.match(header))
    if language_id == "ruby":
        return bool(RUBY_BLOCK.search(header))
    if language_id == "shellscript":
        return bool(SHELL_BLOCK.search(header))
    code = header.rstrip()
    return code.endswith("{") and not re.search(r"(=|\(|,|return|:)\s*\{$", code)


def _statement_start_row(cur: _Cursor, row: int, limit: int = 12) -> int:
    """The first row of a header that spans several lines (unbalanced brackets above)."""
    balance = 0
    for candidate in range(row, max(-1, row - limit), -1):
        line = cur.lines.line_text(candidate)
        balance += sum(line.count(c) for c in ")]") - sum(line.count(c) for c in "([")
        if balance <= 0:
            return candidate
    return row


def _after_standalone_comment(cur: _Cursor) -> bool:
    """The line above the cursor is a comment standing alone at top or class level."""
    if cur.row == 0 or not cur.lines.line_text(cur.row - 1).strip():
        return False
    comment = _comment_ending_on(cur, cur.row - 1)
    if comment is None:
        return False
    if cur.language_id == "python":
        return _python_outer_level(cur, cur.row - 1)
    return _tree_outer_level(comment)


def _comment_ending_on(cur: _Cursor, row: int) -> tree_sitter.Node | None:
    line_start, line_end = cur.line_bytes(row)
    code = cur.lines.line_text(row)
    end = line_start + len(code.rstrip().encode("utf-8"))
    node = cur.node_at(max(end - 1, line_start), end)
    comment = next((n for n in ancestors(node) if is_comment(n)), None)
    if comment is None:
        return None
    start_row = cur.row_of_byte(comment.start_byte)
    start_line_start, _ = cur.line_bytes(start_row)
    before = cur.source[start_line_start : comment.start_byte]
    return comment if not before.strip() else None


def _python_outer_level(cur: _Cursor, row: int) -> bool:
    """Python scope is indentation: the nearest less-indented line must be a class header."""
    width = len(cur.indent_of(row).expandtabs(4))
    if width == 0:
        return True
    for candidate in range(row - 1, -1, -1):
        line = cur.lines.line_text(candidate)
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip()) < width:
            return bool(re.match(r"\s*class\b", line)) and _python_outer_level(cur, candidate)
    return False


def _tree_outer_level(comment: tree_sitter.Node) -> bool:
    for node in ancestors(comment.parent):
        if node.type in FUNCTION_NODES or node.type in CONTROL_NODES or node.type in DATA_NODES:
            return False
    return True


def _block_indent(cur: _Cursor, kind: CompletionKind, header: tree_sitter.Node | None) -> str:
    if kind in BODY_KINDS:
        row = cur.row_of_byte(header.start_byte) if header is not None else None
        if row is None or row > cur.row:
            previous = cur.row if cur.before.strip() else _previous_code_row(cur, cur.row)
            row = _statement_start_row(cur, previous if previous is not None else cur.row)
        return cur.indent_of(row) + cur.unit
    if cur.line_blank and not cur.before:
        previous = _previous_code_row(cur, cur.row)
        return cur.indent_of(previous) if previous is not None else ""
    return cur.indent_of(cur.row) if cur.lines.line_text(cur.row).strip() else cur.before


def _function_info(cur: _Cursor, header: tree_sitter.Node | None) -> FunctionInfo | None:
    function = header if header is not None and header.type in FUNCTION_NODES else _enclosing_function(cur)
    if function is None:
        return None
    return FunctionInfo(function_name(function), header_text(function, cur.source))


def _enclosing_function(cur: _Cursor) -> tree_sitter.Node | None:
    node = cur.node_at(cur.byte, cur.byte)
    found = next((n for n in ancestors(node) if n.type in FUNCTION_NODES), None)
    if found is not None or cur.language_id != "python":
        return found
    return _python_function_by_indent(cur)


def _python_function_by_indent(cur: _Cursor) -> tree_sitter.Node | None:
    """A blank line after a Python body belongs to the function only if indented past its `def`."""
    previous = _previous_code_row(cur, cur.row)
    if previous is None:
        return None
    width = len((cur.before if cur.line_blank else cur.indent_of(cur.row)).expandtabs(4))
    leaf = _last_code_leaf(cur, previous) or cur.node_at(*cur.line_bytes(previous))
    for node in ancestors(leaf):
        if node.type in FUNCTION_NODES and node.start_point.column < width:
            return node
    return None


def _node_type(cur: _Cursor) -> str | None:
    if cur.before[-1:].strip():
        return cur.node_at(cur.byte - 1, cur.byte).type
    return cur.node_at(cur.byte, cur.byte).type
