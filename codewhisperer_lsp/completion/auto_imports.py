"""Imports a suggestion needs, added at the top of the file when the suggestion is accepted.

A small model often writes `import os` right where it wants `os`, inside a function body. Those
lines are taken out of the suggestion (`strip_body_imports`); the modules a suggestion uses
without the file binding them (`os.path.join(...)` with no `import os`, found with tree-sitter)
travel with the item (`needed_imports`), and on accept the server inserts them after the module
docstring and the existing imports (`insertion`) with one workspace/applyEdit.

Python is handled here; JavaScript and TypeScript (javascript, javascriptreact, typescript,
typescriptreact) in `auto_imports_js`, where the modules are Node.js built-ins and the statement
is written in the file's own style (ES import or require). Other languages: nothing.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import tree_sitter

from codewhisperer_lsp.completion import auto_imports_js
from codewhisperer_lsp.context import languages

# One import statement on one line, as the model writes it (no parenthesised continuation).
_NAME = r"[A-Za-z_]\w*"
_DOTTED = rf"{_NAME}(?:\.{_NAME})*"
_ALIASED = rf"{_DOTTED}(?:\s+as\s+{_NAME})?"
IMPORT_LINE = re.compile(
    rf"^[ \t]*(?:import\s+{_ALIASED}(?:\s*,\s*{_ALIASED})*"
    rf"|from\s+\.*(?:{_DOTTED})?\s+import\s+{_NAME}(?:\s+as\s+{_NAME})?(?:\s*,\s*{_NAME}(?:\s+as\s+{_NAME})?)*)"
    rf"[ \t]*(?:#.*)?$")
_IDENTIFIER = re.compile(_NAME)
# Standard-library names too often a variable's name to guess from `name.attr` alone.
_AMBIGUOUS = frozenset({"this", "antigravity", "test", "code", "site", "token", "idlelib", "turtledemo"})
STDLIB = frozenset(name for name in sys.stdlib_module_names if not name.startswith("_")) - _AMBIGUOUS
_HEADER_NODES = frozenset({"import_statement", "import_from_statement", "future_import_statement"})
_PATTERNS = frozenset({"pattern_list", "tuple_pattern", "list_pattern", "list_splat_pattern",
                       "parenthesized_expression", "tuple", "list", "expression_list"})


def supported(language_id: str, uri: str | None = None) -> bool:
    language = languages.resolve(language_id, uri)
    return language is not None and language.id == "python"


def is_import_line(line: str) -> bool:
    return IMPORT_LINE.match(line) is not None


# ------------------------------------------------------------------ names the file binds


class _Everything(Exception):
    """`from x import *`: any name may be bound."""


def _pattern_names(node: tree_sitter.Node, out: set[str]) -> None:
    if node.type == "identifier":
        out.add(node.text.decode("utf-8", "replace"))
    elif node.type in _PATTERNS or node.type == "as_pattern_target":
        for child in node.named_children:
            _pattern_names(child, out)


def _import_names(node: tree_sitter.Node, out: set[str]) -> None:
    if node.type == "import_statement":
        for name in node.children_by_field_name("name"):
            if name.type == "aliased_import":
                out.add(name.child_by_field_name("alias").text.decode())
            else:  # `import a.b` binds a
                out.add(name.named_children[0].text.decode())
    elif node.type == "import_from_statement":
        if any(child.type == "wildcard_import" for child in node.children):
            raise _Everything
        for name in node.children_by_field_name("name"):
            if name.type == "aliased_import":
                out.add(name.child_by_field_name("alias").text.decode())
            else:
                out.add(name.text.decode().split(".")[-1])


def bound_names(tree: tree_sitter.Tree) -> set[str] | None:
    """Every name the module binds anywhere (imports, definitions, parameters, assignments,
    loop and `with`/`except` targets...); None when a star import makes it unknowable."""
    out: set[str] = set()
    stack = [tree.root_node]
    try:
        while stack:
            node = stack.pop()
            kind = node.type
            if kind in ("import_statement", "import_from_statement"):
                _import_names(node, out)
                continue
            if kind in ("function_definition", "class_definition"):
                name = node.child_by_field_name("name")
                if name is not None:
                    out.add(name.text.decode())
            elif kind in ("parameters", "lambda_parameters"):
                for param in node.named_children:
                    target = param.child_by_field_name("name") or next(
                        (c for c in param.named_children if c.type == "identifier"), None) \
                        if param.type != "identifier" else param
                    if target is not None and target.type == "identifier":
                        out.add(target.text.decode())
            elif kind in ("assignment", "augmented_assignment", "for_statement", "for_in_clause"):
                left = node.child_by_field_name("left")
                if left is not None:
                    _pattern_names(left, out)
            elif kind == "as_pattern_target":
                _pattern_names(node, out)
            elif kind == "named_expression":
                name = node.child_by_field_name("name")
                if name is not None:
                    out.add(name.text.decode())
            elif kind in ("global_statement", "nonlocal_statement"):
                out.update(c.text.decode() for c in node.named_children if c.type == "identifier")
            stack.extend(node.children)
    except _Everything:
        return None
    return out


def _parse(text: str) -> tree_sitter.Tree:
    return languages.new_parser("python").parse(text.encode("utf-8"))


# ------------------------------------------------------------------ the suggestion


def strip_body_imports(language_id: str, before: str, suggestion: str) -> tuple[str, tuple[str, ...]]:
    """Take out the whole import lines of a suggestion that lands below the file's header (inside
    a body, or after the first statement that is not an import); returns (text, the imports)."""
    if (js := auto_imports_js.language_of(language_id)) is not None:
        return auto_imports_js.strip_body_imports(js, before, suggestion)
    if not supported(language_id) or "import" not in suggestion:
        return suggestion, ()
    line_prefix = before.rsplit("\n", 1)[-1]
    lines = suggestion.split("\n")
    candidates = [i for i, line in enumerate(lines)
                  if is_import_line((line_prefix if i == 0 else "") + line) and (i > 0 or not line_prefix.strip())]
    if not candidates:
        return suggestion, ()
    body_position = _past_header(before)
    kept, taken = [], []
    for index, line in enumerate(lines):
        full = (line_prefix if index == 0 else "") + line
        if index in candidates and (full[:1] in (" ", "\t") or body_position):
            taken.append(full.strip())
            continue
        kept.append(full)
    if not taken:
        return suggestion, ()
    if 0 in candidates and (lines[0] and (line_prefix + lines[0])[:1] in (" ", "\t") or body_position):
        while kept and not kept[0].strip():  # the cursor's line takes the first line that is left
            kept.pop(0)
    if not "".join(kept).strip():
        return "", tuple(dict.fromkeys(taken))
    if not kept[0].startswith(line_prefix):
        return suggestion, ()  # the first kept line is less indented than the cursor: leave it be
    kept[0] = kept[0][len(line_prefix):]
    text = "\n".join(kept)
    return (text if text.strip() else ""), tuple(dict.fromkeys(taken))


def _past_header(before: str) -> bool:
    """Whether the text before the cursor has a top-level statement other than imports/docstring."""
    root = _parse(before).root_node
    for index, node in enumerate(root.named_children):
        if node.type in _HEADER_NODES or node.type == "comment":
            continue
        if index == 0 and node.type == "expression_statement" and node.named_children \
                and node.named_children[0].type == "string":
            continue
        return True
    return False


def _workspace_module(root: str, name: str) -> bool:
    if not root:
        return False
    base = Path(root)
    return (base / f"{name}.py").is_file() or (base / name / "__init__.py").is_file()


def needed_imports(language_id: str, before: str, suggestion: str, after: str, root: str = "",
                   carried: tuple[str, ...] = (), uri: str = "") -> tuple[str, ...]:
    """`import X` for each module X the suggestion uses as `X.attr` while the file binds no X
    (X in the standard library, or a top-level module of the workspace), plus the `carried`
    import statements (taken out of the suggestion) whose names the suggestion uses.
    JavaScript/TypeScript: see `auto_imports_js.needed_imports` (`root` is not used there; `uri`
    only there, for `.mjs`/`.cjs`)."""
    if (js := auto_imports_js.language_of(language_id)) is not None:
        return auto_imports_js.needed_imports(js, before, suggestion, after, carried, uri) if suggestion.strip() else ()
    if not supported(language_id) or not suggestion.strip():
        return ()
    text = before + suggestion + after
    tree = _parse(text)
    bound = bound_names(tree)
    if bound is None:
        return ()
    start = len(before.encode("utf-8"))
    end = start + len(suggestion.encode("utf-8"))
    used: dict[str, None] = {}
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.end_byte <= start or node.start_byte >= end:
            continue
        if node.type == "attribute":
            obj = node.child_by_field_name("object")
            if obj is not None and obj.type == "identifier" and start <= obj.start_byte < end:
                used[obj.text.decode()] = None
        stack.extend(reversed(node.children))
    needed = [f"import {name}" for name in sorted(used, key=lambda n: text.find(n, len(before)))
              if name not in bound and (name in STDLIB or _workspace_module(root, name))]
    words = set(_IDENTIFIER.findall(suggestion))
    for statement in carried:
        names = statement_names(statement)
        if names and names & words and not names <= bound and statement not in needed:
            needed.append(statement)
    return tuple(needed)


def statement_names(statement: str) -> set[str]:
    """The names one import statement binds (empty for anything that is not one)."""
    if not is_import_line(statement) or "\n" in statement:
        return set()
    names = bound_names(_parse(statement.strip()))
    return names or set()


# ------------------------------------------------------------------ the edit on accept


@dataclass(frozen=True)
class Insertion:
    line: int
    character: int  # UTF-16 units
    text: str
    imports: tuple[str, ...]


def insertion(language_id: str, text: str, imports: list[str] | tuple[str, ...]) -> Insertion | None:
    """Where and what to insert so `text` has `imports`: after the module docstring and the
    leading imports (JavaScript/TypeScript: after the shebang, directives, header comments and the
    leading imports/requires). Imports the file already binds are left out; None when nothing is left."""
    if (js := auto_imports_js.language_of(language_id)) is not None:
        where = auto_imports_js.placement(js, text, imports)
        return Insertion(*where) if where is not None else None
    if not supported(language_id):
        return None
    statements = [s.strip() for s in imports if isinstance(s, str)]
    statements = [s for s in dict.fromkeys(statements) if statement_names(s)]
    tree = _parse(text)
    bound = bound_names(tree)
    if bound is None:
        return None
    missing = tuple(s for s in statements if not statement_names(s) <= bound)
    if not missing:
        return None
    row, after_docstring = _header_end(tree.root_node)
    block = "\n".join(missing) + "\n"
    if row is not None and after_docstring:
        block = "\n" + block
    return Insertion(*auto_imports_js.place_after(text.split("\n"), row, block), missing)


def _header_end(root: tree_sitter.Node) -> tuple[int | None, bool]:
    """(last row of the leading comments/docstring/imports, whether that last one is the docstring)."""
    row, docstring = None, False
    for index, node in enumerate(root.named_children):
        if node.type in _HEADER_NODES:
            row, docstring = node.end_point[0], False
        elif node.type == "comment" and (row is not None or node.start_point[0] == 0 or index == 0):
            if row is None or node.start_point[0] <= row + 1:
                row, docstring = node.end_point[0], False
            else:
                break
        elif index == 0 or (row is not None and all(c.type == "comment" for c in root.named_children[:index])):
            if node.type == "expression_statement" and node.named_children \
                    and node.named_children[0].type == "string":
                row, docstring = node.end_point[0], True
            else:
                break
        else:
            break
    return row, docstring
