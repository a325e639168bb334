"""Context from other files: short definitions from the other open documents and from the
workspace files the current file imports, put before the current file in the prompt.

The layout is the model's repository format (`<|file_sep|>{path}\\n{content}` per file, then the
current file), so the snippets are the first tokens of the prompt. The server reuses the model
state of the unchanged start of the prompt from one keystroke to the next; for that the snippets
must not move while the user types. So each document keeps a snapshot of its context, computed
again only when another document changes, the files it imports change, or REFRESH_S passed (and
a recomputation that picks the same snippets yields the same text, token for token).

Bounds: a share of the prompt budget in tokens, and a wall-clock budget per request: when the
time runs out, what is ready is used (parses are remembered, so the next request has more).
"""

from __future__ import annotations

import logging
import os
import re
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import tree_sitter
from pygls.uris import to_fs_path

from codewhisperer_lsp.context import languages
from codewhisperer_lsp.context.imports import dependencies, extract_imports
from codewhisperer_lsp.context.syntax import CLASS_NODES, FUNCTION_NODES, body_of, function_name, header_text

log = logging.getLogger(__name__)

SHARE = 0.25  # of maxPromptTokens, at most
TIME_BUDGET_S = 0.020
REFRESH_S = 10.0
SNIPPET_LINES = 12  # a definition longer than this shows its signature (and a class its methods')
MAX_SOURCE_CHARS = 300_000  # larger files are not read for context
MAX_SOURCES = 32
REMEMBERED = 256

_FAMILY = {"javascript": "js", "typescript": "js", "typescriptreact": "js"}
_IDENTIFIER = re.compile(r"[A-Za-z_$][\w$]*")
_EXPORT_WRAPPERS = frozenset({"decorated_definition", "export_statement", "template_declaration"})
_DECLARATIONS = frozenset({"lexical_declaration", "variable_declaration"})


@dataclass(frozen=True)
class OpenDocument:
    """Another document open in the editor, as it was when the request arrived."""

    uri: str
    language_id: str
    version: int
    text: str


@dataclass(frozen=True)
class Definition:
    name: str
    text: str  # the definition, or its signature when it is long
    signature: str  # its first line(s) up to the body


@dataclass(frozen=True)
class Snippets:
    text: str = ""  # goes before the current file's header
    tokens: int = 0
    files: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    complete: bool = True  # False when the time budget cut the gathering short
    gather_ms: float = 0.0
    reused: bool = False  # the document's snapshot served, nothing was gathered


@dataclass
class _Cached:
    key: tuple
    made: float
    snippets: Snippets


def family(language_id: str, uri: str = "") -> str | None:
    language = languages.resolve(language_id, uri)
    if language is None:
        return None
    return _FAMILY.get(language.id, language.id)


def _lines_of(node: tree_sitter.Node) -> str:
    return node.text.decode("utf-8", "replace")


def _elide(language_id: str, node: tree_sitter.Node, source: bytes) -> str:
    """A long definition: its signature, and for a class the signatures of its methods."""
    signature = header_text(node, source)
    indent = "    "
    if node.type in CLASS_NODES:
        body = body_of(node)
        members = [header_text(child, source, 200) for child in _members(body)] if body is not None else []
        members = members[:SNIPPET_LINES - 1]
        if language_id == "python":
            return "\n".join([signature] + [f"{indent}{m} ..." for m in members] + ([] if members else [f"{indent}..."]))
        return "\n".join([signature + " {"] + [f"{indent}{m} ..." for m in members] + ["}"])
    if language_id == "python":
        return f"{signature}\n{indent}..."
    return f"{signature} {{ ... }}"


def _members(body: tree_sitter.Node):
    for child in body.named_children:
        inner = child
        if child.type in _EXPORT_WRAPPERS:
            inner = next((c for c in child.named_children if c.type in FUNCTION_NODES), child)
        if inner.type in FUNCTION_NODES:
            yield inner


def definitions(language_id: str, text: str) -> tuple[Definition, ...]:
    """The top-level functions and classes of a file (also `const f = () => ...` in JavaScript)."""
    language = languages.resolve(language_id)
    if language is None:
        return ()
    source = text.encode("utf-8")
    root = languages.new_parser(language.id).parse(source).root_node
    out = []
    for child in root.named_children:
        node = child
        while node.type in _EXPORT_WRAPPERS:
            inner = next((c for c in node.named_children if c.type in FUNCTION_NODES | CLASS_NODES | _DECLARATIONS), None)
            if inner is None:
                break
            node = inner
        shown = child if child.type in _EXPORT_WRAPPERS else node
        if node.type in _DECLARATIONS:
            declarator = next((c for c in node.named_children if c.type == "variable_declarator"), None)
            value = declarator.child_by_field_name("value") if declarator is not None else None
            if value is None or value.type not in FUNCTION_NODES:
                continue
            name, target = _lines_of(declarator.child_by_field_name("name")), value
        elif node.type in FUNCTION_NODES or node.type in CLASS_NODES:
            name, target = function_name(node), node
        else:
            continue
        if not name:
            continue
        whole = _lines_of(shown)
        if whole.count("\n") < SNIPPET_LINES:
            snippet = whole
        else:
            snippet = _elide(language.id, target, source)
            prefix = source[shown.start_byte:target.start_byte].decode("utf-8", "replace")
            snippet = prefix + snippet
        if node.type in _DECLARATIONS:  # `const f = (a) => {`: the name is on the declaration
            signature = whole.split("\n", 1)[0].rstrip()
            signature = signature[:-1].rstrip() if signature.endswith("{") else signature
        else:
            signature = header_text(target, source).split("\n", 1)[0]
        signature += " ..." if language.id == "python" else " { ... }"
        out.append(Definition(name, snippet.rstrip(), signature))
    return tuple(out)


class CrossFileContext:
    """Per-document context snapshots, and the parsed definitions of each source by version."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self.clock = clock
        self._definitions: OrderedDict[tuple, tuple[Definition, ...]] = OrderedDict()
        self._cached: OrderedDict[str, _Cached] = OrderedDict()
        self._files: OrderedDict[str, tuple[float, list[Path]]] = OrderedDict()

    def context(self, uri: str, language_id: str, text: str, offset: int, documents: tuple[OpenDocument, ...],
                root: str, file_header: str, count_tokens: Callable[[str], int], budget_tokens: int,
                time_budget_s: float = TIME_BUDGET_S) -> Snippets:
        started = self.clock()
        deadline = started + time_budget_s
        own = family(language_id, uri)
        if own is None or budget_tokens <= 0:
            return Snippets()
        others = tuple(sorted((d for d in documents if d.uri != uri and family(d.language_id, d.uri) == own
                               and len(d.text) <= MAX_SOURCE_CHARS), key=lambda d: d.uri))[:MAX_SOURCES]
        key = (own, budget_tokens, file_header, tuple((d.uri, d.version) for d in others))
        cached = self._cached.get(uri)
        if cached is not None and cached.key == key and cached.snippets.complete \
                and started - cached.made < REFRESH_S and not self._imports_changed(uri):
            self._cached.move_to_end(uri)
            return Snippets(**{**cached.snippets.__dict__, "reused": True, "gather_ms": (self.clock() - started) * 1000})
        context = self._gather(uri, language_id, text, offset, others, root, file_header, count_tokens,
                               budget_tokens, deadline)
        context = Snippets(**{**context.__dict__, "gather_ms": (self.clock() - started) * 1000})
        self._cached[uri] = _Cached(key, started, context)
        self._cached.move_to_end(uri)
        while len(self._cached) > REMEMBERED:
            self._cached.popitem(last=False)
        return context

    # --- sources ---
    def _imports_changed(self, uri: str) -> bool:
        remembered = self._files.get(uri)
        if remembered is None:
            return False
        for path in remembered[1]:
            try:
                if path.stat().st_mtime > remembered[0]:
                    return True
            except OSError:
                return True
        return False

    def _imported(self, uri: str, language_id: str, text: str, root: str) -> list[Path]:
        if not root or not uri.startswith("file:"):
            return []
        path = to_fs_path(uri)
        if not path:
            return []
        try:
            found = dependencies(root, path, language_id, text)[:MAX_SOURCES]
        except (OSError, ValueError) as exc:
            log.debug("imports of %s not resolved: %s", uri, exc)
            return []
        self._files[uri] = (time.time(), found)
        while len(self._files) > REMEMBERED:
            self._files.popitem(last=False)
        return found

    def _parsed(self, key: tuple, language_id: str, read: Callable[[], str | None]) -> tuple[Definition, ...]:
        found = self._definitions.get(key)
        if found is None:
            text = read()
            found = definitions(language_id, text) if text is not None else ()
            self._definitions[key] = found
            while len(self._definitions) > REMEMBERED:
                self._definitions.popitem(last=False)
        self._definitions.move_to_end(key)
        return found

    def _gather(self, uri, language_id, text, offset, others, root, file_header, count_tokens, budget_tokens,
                deadline) -> Snippets:
        complete = True
        # (shown path, imported?, definitions) per source, in a fixed order
        sources: list[tuple[str, bool, tuple[Definition, ...]]] = []
        imported = self._imported(uri, language_id, text, root)
        imported_real = {str(p) for p in imported}
        suffixes = _module_suffixes(language_id, text)
        open_real = set()
        for doc in others:
            if self.clock() > deadline:
                complete = False
                break
            path = to_fs_path(doc.uri) if doc.uri.startswith("file:") else None
            real = os.path.realpath(path) if path else ""
            open_real.add(real)
            defs = self._parsed(("doc", doc.uri, doc.version), doc.language_id or language_id, lambda d=doc: d.text)
            named = real in imported_real or _imports_path(suffixes, path or doc.uri)
            sources.append((_shown_path(doc.uri, root), named, defs))
        for path in imported:
            if complete and self.clock() > deadline:
                complete = False
            if not complete:
                break
            if str(path) in open_real:
                continue  # the open document's text serves
            try:
                stat = path.stat()
            except OSError:
                continue
            if stat.st_size > MAX_SOURCE_CHARS:
                continue
            language = languages.resolve(None, str(path))
            defs = self._parsed(("file", str(path), stat.st_mtime_ns, stat.st_size),
                                language.id if language else language_id, lambda p=path: _read(p))
            sources.append((_shown_path(path.as_uri(), root), True, defs))
        names = set(_IDENTIFIER.findall(text[:offset]))
        own_names = {d.name for d in definitions(language_id, text[:offset])} if complete else set()
        return _select(sources, names - own_names, file_header, count_tokens, budget_tokens, complete)


def _module_suffixes(language_id: str, text: str) -> tuple[str, ...]:
    """Path endings (no extension) of the modules the file imports, as written: `pkg.util` ->
    `pkg/util`, `./lib/x` -> `lib/x`. They find imported open documents without a workspace root."""
    language = languages.resolve(language_id)
    if language is None:
        return ()
    out = []
    for spec in extract_imports(language.id, text):
        if language.id == "python":
            module, _, names = spec.partition(":")
            parts = [p for p in module.lstrip(".").split(".") if p]
            out.extend("/".join(parts + [n.strip()]) for n in names.split(",") if n.strip())
            if parts:
                out.extend(("/".join(parts), "/".join(parts) + "/__init__"))
        elif spec.startswith("."):
            out.append(re.sub(r"^(\.\.?/)+", "", spec).rsplit(".", 1)[0] if "/" in spec else spec)
    return tuple(dict.fromkeys(s for s in out if s and s not in (".", "..")))


def _imports_path(suffixes: tuple[str, ...], path: str) -> bool:
    stem = path.replace("\\", "/").rsplit(".", 1)[0]
    return any(stem == suffix or stem.endswith("/" + suffix) for suffix in suffixes)


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def _shown_path(uri: str, root: str) -> str:
    path = to_fs_path(uri) if uri.startswith("file:") else None
    if not path:
        return uri.rsplit("/", 1)[-1]
    if root:
        try:
            return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
        except ValueError:
            pass
    return Path(path).name


def _select(sources, names: set[str], file_header: str, count_tokens, budget_tokens: int, complete: bool) -> Snippets:
    """Named definitions whole (or elided), then the rest of the imported files' definitions (whole,
    or their signatures), while they fit; laid out by file in a fixed order, definitions in source order."""
    ranked = []  # (rank, source index, definition index, texts to try)
    for s_index, (path, imported, defs) in enumerate(sources):
        for d_index, definition in enumerate(defs):
            if definition.name in names:
                ranked.append((0, s_index, d_index, (definition.text,)))
            elif imported:
                ranked.append((1, s_index, d_index, (definition.text, definition.signature)))
    ranked.sort()
    chosen: dict[int, list[tuple[int, str]]] = {}
    used = 0
    for rank, s_index, d_index, texts in ranked:
        header = 0 if s_index in chosen else count_tokens(file_header.format(path=sources[s_index][0]))
        for snippet in texts:
            cost = header + count_tokens(snippet + "\n\n")
            if used + cost <= budget_tokens:
                used += cost
                chosen.setdefault(s_index, []).append((d_index, snippet))
                break
    if not chosen:
        return Snippets(complete=complete)
    parts, files, picked = [], [], []
    for s_index in sorted(chosen, key=lambda i: sources[i][0]):
        path = sources[s_index][0]
        snippets = [text for _, text in sorted(chosen[s_index])]
        parts.append(file_header.format(path=path) + "\n\n".join(snippets) + "\n\n")
        files.append(path)
        defs = sources[s_index][2]
        picked.extend(defs[d].name for d, _ in sorted(chosen[s_index]))
    text = "".join(parts)
    return Snippets(text, count_tokens(text), tuple(files), tuple(picked), complete)
