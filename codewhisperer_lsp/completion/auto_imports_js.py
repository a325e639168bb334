"""Imports on accept for JavaScript and TypeScript (the shared entry points are in `auto_imports`).

The same three steps as for Python, in the shape of a JS/TS file:

- `strip_body_imports`: an `import ... from '...'` or `const x = require('...')` line the model
  wrote inside a function or block body (an ES import there is not even valid) leaves the
  suggestion and is carried with the item. Top-level lines stay: ES imports are hoisted anyway.
- `needed_imports`: a Node.js built-in module the suggestion uses as `name.member` (or calls)
  while nothing in the file binds that name gets one import statement written in the file's own
  style, because a `require` in an ES module (or an `import` in a CommonJS script) breaks it:
  ES modules when the file imports (or is TypeScript), CommonJS when it requires, ES modules when
  there is no clue; `import * as`, the `node:` prefix, the quote and the semicolons as the file
  already writes them. Only modules whose name is a valid identifier qualify (`Buffer`, `process`
  are globals), and `crypto.randomUUID()`/`getRandomValues`/`subtle` are the global Web Crypto
  object in browsers and Node alike, so they alone do not import `crypto`.
- `insertion`: after a shebang, a `'use strict'` directive, the header comments and the leading
  import/require block; never inside a function.

Which names the file binds is one flat set over the whole tree (imports, requires, declarations,
parameters, destructuring, catch/for targets, assignments to undeclared names, `/* global */`
comments): a local `path` anywhere means the suggestion's `path` may be that one, and adding an
import would then be a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import tree_sitter

from codewhisperer_lsp.context import languages

LANGUAGE_IDS = frozenset({"javascript", "typescript", "typescriptreact"})  # canonical ids (jsx is javascript)

# Node.js built-in modules whose name is a valid identifier and not a global of its own.
BUILTINS = frozenset({"fs", "path", "os", "crypto", "util", "http", "https", "url", "events", "stream",
                      "zlib", "assert", "readline", "net", "dns", "querystring", "timers", "worker_threads",
                      "child_process"})
# Members that exist on a global of the same name (Web Crypto): using only these imports nothing.
GLOBAL_MEMBERS = {"crypto": frozenset({"subtle", "getRandomValues", "randomUUID"})}

_ID = r"[A-Za-z_$][\w$]*"
_STR = r"""(?:'[^'\\\n]*'|"[^"\\\n]*")"""
_SPEC = rf"{_ID}(?:\s+as\s+{_ID})?"
_NAMED = rf"\{{\s*(?:{_SPEC}(?:\s*,\s*{_SPEC})*\s*,?\s*)?\}}"
_CLAUSE = rf"(?:{_ID}(?:\s*,\s*(?:{_NAMED}|\*\s*as\s+{_ID}))?|{_NAMED}|\*\s*as\s+{_ID})"
_PROP = rf"{_ID}(?:\s*:\s*{_ID})?"
_PATTERN = rf"(?:{_ID}|\{{\s*(?:{_PROP}(?:\s*,\s*{_PROP})*\s*,?\s*)?\}})"
# One statement on one line (group `statement`), a trailing `// comment` allowed and left out of it.
_END = r"[ \t]*;?)[ \t]*(?://.*)?$"
ESM_LINE = re.compile(rf"^[ \t]*(?P<statement>import\s+(?:type\s+)?{_CLAUSE}\s*from\s*{_STR}{_END}")
TS_REQUIRE_LINE = re.compile(rf"^[ \t]*(?P<statement>import\s+{_ID}\s*=\s*require\(\s*{_STR}\s*\){_END}")
CJS_LINE = re.compile(rf"^[ \t]*(?P<statement>(?:const|let|var)\s+{_PATTERN}\s*=\s*require\(\s*{_STR}\s*\){_END}")
_FORMS = (ESM_LINE, CJS_LINE, TS_REQUIRE_LINE)
_IDENTIFIER = re.compile(_ID)
_GLOBAL_COMMENT = re.compile(r"^/\*\s*globals?\s+(.*?)\*/$", re.S)
_BODIES = frozenset({"statement_block", "class_body", "switch_body", "switch_case", "switch_default"})
_PARAMETER_OWNERS = frozenset({"formal_parameters"})
_NAMED_DEFINITIONS = frozenset({
    "function_declaration", "generator_function_declaration", "function_expression", "generator_function",
    "function", "class_declaration", "class", "abstract_class_declaration", "function_signature",
    "enum_declaration", "internal_module", "module", "interface_declaration", "type_alias_declaration"})


def language_of(language_id: str, uri: str | None = None) -> str | None:
    """The canonical id (javascript, typescript, typescriptreact) when this is a JS/TS document."""
    language = languages.resolve(language_id, uri)
    return language.id if language is not None and language.id in LANGUAGE_IDS else None


def is_import_line(line: str) -> bool:
    return any(form.match(line) is not None for form in _FORMS)


def _statement(line: str) -> str:
    """The import/require statement of an import line, without its indentation and comment."""
    match = next(m for form in _FORMS if (m := form.match(line)) is not None)
    return match.group("statement").rstrip()


def _parse(language: str, text: str) -> tree_sitter.Tree:
    return languages.new_parser(language).parse(text.encode("utf-8"))


def _text(node: tree_sitter.Node) -> str:
    return node.text.decode("utf-8", "replace")


# ------------------------------------------------------------------ names the file binds


def _pattern_names(node: tree_sitter.Node | None, out: set[str]) -> None:
    if node is None:
        return
    kind = node.type
    if kind in ("identifier", "shorthand_property_identifier_pattern"):
        out.add(_text(node))
    elif kind == "pair_pattern":
        _pattern_names(node.child_by_field_name("value"), out)
    elif kind in ("assignment_pattern", "object_assignment_pattern"):
        _pattern_names(node.child_by_field_name("left"), out)
    elif kind in ("required_parameter", "optional_parameter"):
        _pattern_names(node.child_by_field_name("pattern"), out)
    elif kind in ("object_pattern", "array_pattern", "rest_pattern"):
        for child in node.named_children:
            _pattern_names(child, out)


def _import_names(node: tree_sitter.Node, out: set[str]) -> None:
    for child in node.named_children:
        if child.type == "import_require_clause":  # TS: import fs = require('fs')
            first = child.named_children[0] if child.named_children else None
            if first is not None and first.type == "identifier":
                out.add(_text(first))
        elif child.type == "import_clause":
            for part in child.named_children:
                if part.type == "identifier":
                    out.add(_text(part))
                elif part.type == "namespace_import":
                    out.update(_text(c) for c in part.named_children if c.type == "identifier")
                elif part.type == "named_imports":
                    for spec in part.named_children:
                        if spec.type == "import_specifier":
                            name = spec.child_by_field_name("alias") or spec.child_by_field_name("name")
                            if name is not None:
                                out.add(_text(name))


def bound_names(tree: tree_sitter.Tree) -> set[str]:
    """Every name the file binds anywhere (see the module docstring)."""
    out: set[str] = set()
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        kind = node.type
        if kind == "import_statement":
            _import_names(node, out)
            continue
        if kind == "variable_declarator":
            _pattern_names(node.child_by_field_name("name"), out)
        elif kind in _NAMED_DEFINITIONS:
            name = node.child_by_field_name("name")
            if name is not None and name.type in ("identifier", "type_identifier"):
                out.add(_text(name))
        elif kind in _PARAMETER_OWNERS:
            for param in node.named_children:
                _pattern_names(param, out)
        elif kind == "arrow_function":
            _pattern_names(node.child_by_field_name("parameter"), out)
        elif kind == "catch_clause":
            _pattern_names(node.child_by_field_name("parameter"), out)
        elif kind == "for_in_statement":
            _pattern_names(node.child_by_field_name("left"), out)
        elif kind == "assignment_expression":
            left = node.child_by_field_name("left")
            if left is not None and left.type in ("identifier", "object_pattern", "array_pattern"):
                _pattern_names(left, out)
        elif kind == "comment":
            match = _GLOBAL_COMMENT.match(_text(node))
            if match:
                out.update(word.split(":")[0].strip() for word in match.group(1).split(",") if word.strip())
        stack.extend(node.children)
    return out


def statement_names(language: str, statement: str) -> set[str]:
    """The names one single-line import/require statement binds (empty for anything else: what is
    inserted into the user's file is exactly one such statement, nothing that runs code)."""
    if "\n" in statement or not is_import_line(statement):
        return set()
    tree = _parse(language, statement.strip())
    root = tree.root_node
    if root.has_error or len(root.named_children) != 1:
        return set()
    node = root.named_children[0]
    if node.type in ("lexical_declaration", "variable_declaration"):
        for declarator in node.named_children:
            value = declarator.child_by_field_name("value") if declarator.type == "variable_declarator" else None
            if value is None or value.type != "call_expression" or _require_source(value) is None:
                return set()
    elif node.type != "import_statement":
        return set()
    return bound_names(tree)


def _require_source(call: tree_sitter.Node) -> str | None:
    """'y' for `require('y')`, else None."""
    function = call.child_by_field_name("function")
    arguments = call.child_by_field_name("arguments")
    if function is None or _text(function) != "require" or arguments is None:
        return None
    args = arguments.named_children
    if len(args) != 1 or args[0].type != "string":
        return None
    return _text(args[0])[1:-1]


# ------------------------------------------------------------------ the file's style


@dataclass(frozen=True)
class Style:
    esm: bool = True
    namespace: bool = False  # `import * as fs from 'fs'`
    node_prefix: bool = False  # 'node:fs'
    quote: str = "'"
    semicolon: bool = True

    def statement(self, module: str) -> str:
        source = f"{self.quote}{'node:' if self.node_prefix else ''}{module}{self.quote}"
        end = ";" if self.semicolon else ""
        if not self.esm:
            return f"const {module} = require({source}){end}"
        return f"import {'* as ' if self.namespace else ''}{module} from {source}{end}"


_STATEMENTS = frozenset({"expression_statement", "lexical_declaration", "variable_declaration",
                         "import_statement", "return_statement", "export_statement"})


def file_style(language: str, tree: tree_sitter.Tree, skip: tuple[int, int] = (0, 0), uri: str = "") -> Style:
    """How the file writes its imports, from its tree (nodes inside the byte range `skip`, the
    suggestion, do not count; nor do statements it ends for the semicolons). No semicolon
    anywhere to go by: semicolons. A `.cjs` file is CommonJS and a `.mjs` file an ES module
    whatever it holds (Node decides by the extension)."""
    esm = cjs = namespace = node_prefix = False
    first_kind = None
    sources: list[str] = []
    strings: list[str] = []
    with_semicolon = without = 0
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if skip[0] <= node.start_byte and node.end_byte <= skip[1] and skip[0] < skip[1]:
            continue
        kind = node.type
        if kind == "import_statement" or kind == "export_statement":
            is_require = any(c.type == "import_require_clause" for c in node.named_children)
            esm = esm or not is_require
            cjs = cjs or is_require
            first_kind = first_kind or ("cjs" if is_require else "esm")
            if kind == "import_statement":
                clause = next((c for c in node.named_children if c.type == "import_clause"), None)
                namespace = namespace or (clause is not None
                                          and any(c.type == "namespace_import" for c in clause.named_children))
                source = node.child_by_field_name("source")
                if source is None:
                    source = next((c.child_by_field_name("source") for c in node.named_children
                                   if c.type == "import_require_clause"), None)
                if source is not None:
                    sources.append(_text(source))
        elif kind == "call_expression":
            source = _require_source(node)
            if source is not None:
                cjs = True
                first_kind = first_kind or "cjs"
                sources.append(_text(node.child_by_field_name("arguments").named_children[0]))
        elif kind == "member_expression":
            obj = node.child_by_field_name("object")
            if obj is not None and obj.type == "identifier" and _text(obj) == "exports" \
                    or _text(node) == "module.exports":
                cjs = True
        elif kind == "string" and len(strings) < 20:
            strings.append(_text(node))
        if kind in _STATEMENTS and (node.end_byte <= skip[0] or node.start_byte >= skip[1]):
            if _text(node).rstrip().endswith(";"):
                with_semicolon += 1
            elif node.type != "export_statement" or node.child_by_field_name("declaration") is None:
                without += 1
        stack.extend(reversed(node.children))
    module_kind = next((kind for extension, kind in _MODULE_EXTENSIONS if uri.lower().endswith(extension)), None) \
        if language == "javascript" else None
    if module_kind is not None:
        use_esm = module_kind == "esm"
    elif language != "javascript" or (esm and not cjs):
        use_esm = True
    elif cjs and not esm:
        use_esm = False
    else:  # both (or neither): the first one the file writes, ES modules when there is none
        use_esm = first_kind != "cjs"
    node_prefix = any(s[1:].startswith("node:") for s in sources)
    quotes = [s[0] for s in sources + strings if s[:1] in ("'", '"')]
    quote = quotes[0] if quotes else "'"
    return Style(esm=use_esm, namespace=namespace, node_prefix=node_prefix, quote=quote,
                 semicolon=with_semicolon >= without)


_MODULE_EXTENSIONS = ((".mjs", "esm"), (".cjs", "cjs"))  # matched as languages.resolve matches extensions
_ESM_PARTS = re.compile(rf"^import\s+(?:type\s+)?(?P<clause>.+?)\s*from\s*(?P<source>{_STR})")
_CJS_PARTS = re.compile(rf"^(?:const|let|var)\s+(?P<pattern>{_PATTERN})\s*=\s*require\(\s*(?P<source>{_STR})\s*\)")


def restyle(statement: str, style: Style) -> str:
    """A carried import written the file's way (an ES import becomes a require in a CommonJS file
    and back); forms with no plain equivalent (`import x, {a}`, type-only imports) stay as written."""
    statement = statement.strip()
    if style.esm and (match := _CJS_PARTS.match(statement)):
        pattern = match.group("pattern")
        if pattern.startswith("{"):
            clause = re.sub(rf"({_ID})\s*:\s*({_ID})", r"\1 as \2", pattern)
        else:
            clause = f"* as {pattern}" if style.namespace else pattern
        source = match.group("source")
        return f"import {clause} from {style.quote}{source[1:-1]}{style.quote}{';' if style.semicolon else ''}"
    if not style.esm and not statement.startswith("import type") and (match := _ESM_PARTS.match(statement)):
        clause = match.group("clause").strip()
        if re.fullmatch(rf"\*\s*as\s+{_ID}", clause):
            pattern = clause.split()[-1]
        elif re.fullmatch(_ID, clause):
            pattern = clause
        elif clause.startswith("{"):
            pattern = re.sub(rf"({_ID})\s+as\s+({_ID})", r"\1: \2", clause)
        else:
            return statement
        source = match.group("source")
        return f"const {pattern} = require({style.quote}{source[1:-1]}{style.quote}){';' if style.semicolon else ''}"
    return statement


# ------------------------------------------------------------------ the suggestion


def _depth(tree: tree_sitter.Tree, offset: int) -> int:
    """How many braces are open at byte `offset` (block, class, object and template ones alike)."""
    depth = 0
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.start_byte >= offset:
            continue
        if node.child_count:
            stack.extend(node.children)
        elif node.is_missing:
            continue
        elif node.type in ("{", "${"):
            depth += 1
        elif node.type == "}":
            depth -= 1
    return depth


def strip_body_imports(language: str, before: str, suggestion: str) -> tuple[str, tuple[str, ...]]:
    """Take out the whole import/require lines of a suggestion that stand inside a function or
    block body; returns (text, the statements)."""
    if "import" not in suggestion and "require" not in suggestion:
        return suggestion, ()
    line_prefix = before.rsplit("\n", 1)[-1]
    lines = suggestion.split("\n")
    fulls = [(line_prefix if i == 0 else "") + line for i, line in enumerate(lines)]
    candidates = [i for i, full in enumerate(fulls)
                  if is_import_line(full) and (i > 0 or not line_prefix.strip())]
    if not candidates:
        return suggestion, ()
    # Each candidate becomes an empty statement (`;`); the braces open before it, counted over the
    # tree's tokens (so that none in a string, comment, regex or template counts), say whether it
    # stands in a body. Tokens, not the tree's shape: an unfinished file is one ERROR node.
    placeholder = [(re.match(r"[ \t]*", full).group(0) + ";") if i in candidates else full
                   for i, full in enumerate(fulls)]
    head = before[:len(before) - len(line_prefix)]
    tree = _parse(language, head + "\n".join(placeholder))
    starts, offset = {}, len(head.encode("utf-8"))
    for index, full in enumerate(placeholder):
        if index in candidates:
            starts[offset] = index
        offset += len(full.encode("utf-8")) + 1
    in_body = {index for at, index in starts.items() if _depth(tree, at) > 0}
    if not in_body:
        return suggestion, ()
    kept = [full for i, full in enumerate(fulls) if i not in in_body]
    taken = tuple(dict.fromkeys(_statement(fulls[i]) for i in sorted(in_body)))
    if 0 in in_body:
        while kept and not kept[0].strip():  # the cursor's line takes the first line that is left
            kept.pop(0)
    if not "".join(kept).strip():
        return "", taken
    if not kept[0].startswith(line_prefix):
        return suggestion, ()  # the first kept line is less indented than the cursor: leave it be
    kept[0] = kept[0][len(line_prefix):]
    result = "\n".join(kept)
    return (result if result.strip() else ""), taken


def needed_imports(language: str, before: str, suggestion: str, after: str,
                   carried: tuple[str, ...] = (), uri: str = "") -> tuple[str, ...]:
    """One import in the file's style for each built-in module the suggestion uses unbound, and
    the carried statements whose names the suggestion uses and the file does not bind yet."""
    text = before + suggestion + after
    tree = _parse(language, text)
    bound = bound_names(tree)
    start = len(before.encode("utf-8"))
    end = start + len(suggestion.encode("utf-8"))
    style = file_style(language, tree, (start, end), uri)
    members: dict[str, set[str]] = {}  # name -> members used (an empty string for a call)
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.end_byte <= start or node.start_byte >= end:
            continue
        name, member = None, ""
        if node.type == "member_expression":
            name = node.child_by_field_name("object")
            prop = node.child_by_field_name("property")
            member = _text(prop) if prop is not None else ""
        elif node.type == "call_expression":
            name = node.child_by_field_name("function")
        elif node.type == "nested_type_identifier":  # TS: fs.Stats in a type
            name = node.child_by_field_name("module")
        if name is not None and name.type == "identifier" and start <= name.start_byte < end:
            members.setdefault(_text(name), set()).add(member)
        stack.extend(reversed(node.children))
    words = set(_IDENTIFIER.findall(suggestion))
    from_carried: list[str] = []
    covered: set[str] = set()
    for statement in carried:
        names = statement_names(language, statement)
        if names and names & words and not names <= bound:
            restyled = restyle(statement, style)
            if restyled not in from_carried and statement_names(language, restyled) == names:
                from_carried.append(restyled)
                covered |= names
    needed = [style.statement(name) for name, used in members.items()
              if name in BUILTINS and name not in bound and name not in covered
              and not used <= GLOBAL_MEMBERS.get(name, frozenset())]
    return tuple(needed + [s for s in from_carried if s not in needed])


# ------------------------------------------------------------------ the edit on accept


def _is_require_declaration(node: tree_sitter.Node) -> bool:
    if node.type not in ("lexical_declaration", "variable_declaration"):
        return False
    declarators = [c for c in node.named_children if c.type == "variable_declarator"]
    return bool(declarators) and all(
        (value := d.child_by_field_name("value")) is not None and value.type == "call_expression"
        and _require_source(value) is not None for d in declarators)


def _is_directive(node: tree_sitter.Node) -> bool:
    return node.type == "expression_statement" and len(node.named_children) == 1 \
        and node.named_children[0].type == "string"


def header_end(root: tree_sitter.Node) -> tuple[int | None, bool]:
    """(last row of the shebang, directives, header comments and leading import/require block;
    whether that block has an import). A comment right above code (no blank line between) is the
    code's own and stays with it."""
    row, imports = None, False
    children = root.named_children
    for index, node in enumerate(children):
        if node.type == "import_statement" or _is_require_declaration(node):
            row, imports = node.end_point[0], True
        elif node.type == "hash_bang_line" or (_is_directive(node) and not imports
                                               and all(c.type in ("hash_bang_line", "comment") or _is_directive(c)
                                                       for c in children[:index])):
            row = node.end_point[0]
        elif node.type == "comment":
            following = next((c for c in children[index + 1:] if c.type != "comment"), None)
            if following is None or following.start_point[0] <= node.end_point[0] + 1 and not (
                    following.type == "import_statement" or _is_require_declaration(following)):
                break
            row = node.end_point[0]
        else:
            break
    return row, imports


def placement(language: str, text: str, imports: list[str] | tuple[str, ...]
              ) -> tuple[int, int, str, tuple[str, ...]] | None:
    """(line, UTF-16 character, text to insert, the statements) so that `text` has `imports`:
    after the header (`header_end`). Statements the file already binds are left out; None when
    nothing is left."""
    statements = [s.strip() for s in imports if isinstance(s, str)]
    statements = [s for s in dict.fromkeys(statements) if statement_names(language, s)]
    if not statements:
        return None
    tree = _parse(language, text)
    bound = bound_names(tree)
    missing = tuple(s for s in statements if not statement_names(language, s) <= bound)
    if not missing:
        return None
    row, after_imports = header_end(tree.root_node)
    lines = text.split("\n")
    block = "\n".join(missing) + "\n"
    if row is not None and not after_imports:  # below a directive or header comments: a blank line before the code
        follows = lines[row + 1] if row + 1 < len(lines) else ""
        block += "\n" if follows.strip() else ""
    return (*place_after(lines, row, block), missing)


def place_after(lines: list[str], row: int | None, block: str) -> tuple[int, int, str]:
    """(line, UTF-16 character, text) inserting `block` (whole lines) after header row `row` of a
    document split in `lines`; None for `row`: the very top. Shared by every language's imports."""
    if row is None:  # nothing above: the very top
        follows = lines[0] if lines else ""
        return 0, 0, block + ("\n" if follows.strip() else "")
    if row + 1 >= len(lines):  # the header ends the file without a final newline
        return row, len(lines[row].encode("utf-16-le")) // 2, "\n" + block.rstrip("\n")
    return row + 1, 0, block
