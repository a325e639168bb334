"""Which workspace files a file depends on, from its import statements (tree-sitter), so a
security scan can follow the code a file pulls in and completion can use it as context.

Only real import nodes count (tree-sitter skips the ones in comments and strings). Resolution
never leaves the workspace root: `..` escapes, absolute paths elsewhere and symlinks pointing
outside are all rejected, because a scan must not read files the user did not open as a project.
"""

from __future__ import annotations

import functools
import logging
import re
from collections import deque
from collections.abc import Callable
from pathlib import Path

import tree_sitter

from codewhisperer_lsp.context import languages

log = logging.getLogger(__name__)

# language -> tree-sitter node types that hold imports
_NODE_TYPES = {
    "python": ("import_statement", "import_from_statement"),
    "javascript": ("import_statement", "export_statement", "call_expression"),
    "typescript": ("import_statement", "export_statement", "call_expression"),
    "typescriptreact": ("import_statement", "export_statement", "call_expression"),
    "java": ("import_declaration", "package_declaration"),
    "kotlin": ("import", "package_header"),
    "scala": ("import_declaration", "package_clause"),
    "go": ("import_declaration",),
    "c": ("preproc_include",),
    "cpp": ("preproc_include",),
    "ruby": ("call",),
    "php": ("require_expression", "require_once_expression", "include_expression", "include_once_expression",
            "namespace_use_declaration"),
    "rust": ("mod_item", "use_declaration"),
    "csharp": ("using_directive",),
    "shellscript": ("command",),
}

_JS_EXTS = (".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts")
_JVM_EXTS = {"java": (".java",), "kotlin": (".kt", ".kts"), "scala": (".scala", ".sc")}


def _compile(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.MULTILINE | re.DOTALL)


_PY_FROM = _compile(r"^from\s+(\.*)([\w.]*)\s+import\s+\(?(.*?)\)?\s*$")
_PY_IMPORT = _compile(r"^import\s+(.*)$")
_JS_SPEC = _compile(r"(?:\bfrom\s*|^import\s+|\brequire\s*\(\s*|^import\s*\(\s*)[\"'`]([^\"'`]+)[\"'`]")
_JVM_IMPORT = _compile(r"^import\s+(?:static\s+)?([\w.`]+?)(?:\.\*|\.\{[^}]*\}|\._)?\s*;?\s*(?:as\s+\w+)?$")
_JVM_PACKAGE = _compile(r"^package\s+([\w.]+)")
_QUOTED = _compile(r"\"([^\"]+)\"")
_C_INCLUDE = _compile(r"#\s*include\s*\"([^\"]+)\"")
_RUBY = _compile(r"^(require_relative|require|load)\s*\(?\s*[\"']([^\"'#]+)[\"']")
_PHP_FILE = _compile(r"^(?:require|include)(?:_once)?\s*\(?\s*(__DIR__\s*\.\s*|dirname\(__FILE__\)\s*\.\s*)?[\"']([^\"']+)[\"']")
_PHP_USE = _compile(r"^use\s+(?:function\s+|const\s+)?\\?([\w\\]+)")
_RUST_MOD = _compile(r"^(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*;")
_RUST_USE = _compile(r"^(?:pub(?:\([^)]*\))?\s+)?use\s+(crate|self|super)((?:::\w+)+)")
_CS_USING = _compile(r"^(?:global\s+)?using\s+(?:static\s+)?([\w.]+)\s*;")
_SH_SOURCE = _compile(r"^(?:source|\.)\s+[\"']?([^\s\"';|&]+)")


@functools.cache
def _query(language_id: str) -> tree_sitter.Query:
    kinds = " ".join(f"({kind})" for kind in _NODE_TYPES[language_id])
    return tree_sitter.Query(languages.ts_language(language_id), f"[{kinds}] @n")


def import_nodes(language_id: str, text: str) -> list[str]:
    """Texts of the import-holding nodes, in source order."""
    if language_id not in _NODE_TYPES:
        return []
    data = text.encode("utf-8")
    tree = languages.new_parser(language_id).parse(data)
    nodes = tree_sitter.QueryCursor(_query(language_id)).captures(tree.root_node).get("n", [])
    return [data[n.start_byte : n.end_byte].decode("utf-8", "replace") for n in sorted(nodes, key=lambda n: n.start_byte)]


def extract_imports(language_id: str, text: str) -> list[str]:
    """The module specifiers as written ("./a", "a.b.C", ".x:y" for Python's from-imports...)."""
    lang = languages.resolve(language_id)
    if lang is None:
        return []
    extractor = _EXTRACTORS.get(lang.id)
    if extractor is None:
        return []
    specs = []
    for node_text in import_nodes(lang.id, text):
        specs.extend(extractor(node_text.strip()))
    return list(dict.fromkeys(specs))


def _py_specs(node: str) -> list[str]:
    m = _PY_FROM.match(node)
    if m:
        dots, module, names = m.groups()
        listed = [n.strip().split(" as ")[0] for n in names.split(",") if n.strip() and n.strip() != "*"]
        # "from . import x" may import a submodule x: keep the names so the resolver can try both
        return [f"{dots}{module}:{','.join(listed)}"]
    m = _PY_IMPORT.match(node)
    return [part.strip().split(" as ")[0].strip() for part in m.group(1).split(",")] if m else []


def _jvm_specs(node: str) -> list[str]:
    if node.startswith("package"):
        m = _JVM_PACKAGE.match(node)
        return [f"package:{m.group(1)}"] if m else []
    m = _JVM_IMPORT.match(node)
    return [m.group(1).replace("`", "")] if m else []


def _ruby_specs(node: str) -> list[str]:
    m = _RUBY.match(node)
    return [f"{m.group(1)}:{m.group(2)}"] if m else []


def _php_specs(node: str) -> list[str]:
    m = _PHP_FILE.match(node)
    if m:
        return [("dir:" if m.group(1) else "file:") + m.group(2)]
    m = _PHP_USE.match(node)
    return [f"use:{m.group(1)}"] if m else []


def _rust_specs(node: str) -> list[str]:
    m = _RUST_MOD.match(node)
    if m:
        return [f"mod:{m.group(1)}"]
    m = _RUST_USE.match(node)
    return [f"{m.group(1)}{m.group(2)}"] if m else []


def _first_match(pattern: re.Pattern, group: int = 1) -> Callable[[str], list[str]]:
    def extract(node: str) -> list[str]:
        m = pattern.match(node) if pattern not in (_C_INCLUDE, _QUOTED) else pattern.search(node)
        return [m.group(group)] if m else []

    return extract


_EXTRACTORS: dict[str, Callable[[str], list[str]]] = {
    "python": _py_specs,
    "javascript": lambda node: _JS_SPEC.findall(node),
    "typescript": lambda node: _JS_SPEC.findall(node),
    "typescriptreact": lambda node: _JS_SPEC.findall(node),
    "java": _jvm_specs,
    "kotlin": _jvm_specs,
    "scala": _jvm_specs,
    "go": lambda node: _QUOTED.findall(node),
    "c": _first_match(_C_INCLUDE),
    "cpp": _first_match(_C_INCLUDE),
    "ruby": _ruby_specs,
    "php": _php_specs,
    "rust": _rust_specs,
    "csharp": _first_match(_CS_USING),
    "shellscript": lambda node: [s for s in _first_match(_SH_SOURCE)(node) if "$" not in s and "`" not in s],
}


# ---------------------------------------------------------------- resolution inside the root


def inside_root(root: Path, candidate: Path) -> Path | None:
    """The candidate's real path if it is an existing file under root (symlinks resolved), else None."""
    try:
        real = candidate.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if not real.is_file() or not real.is_relative_to(root.resolve()):
        return None
    return real


def _first_inside(root: Path, candidates) -> list[Path]:
    for candidate in candidates:
        found = inside_root(root, candidate)
        if found:
            return [found]
    return []


def _py_resolve(root: Path, path: Path, spec: str, text: str) -> list[Path]:
    if ":" in spec:
        module, names = spec.split(":", 1)
    else:
        module, names = spec, ""
    dots = len(module) - len(module.lstrip("."))
    parts = [p for p in module.lstrip(".").split(".") if p]
    if dots:
        base = path.parent
        for _ in range(dots - 1):
            base = base.parent
        bases = [base]
    else:
        bases = [root, root / "src", path.parent]
    out = []
    for base in bases:
        target = base.joinpath(*parts) if parts else base
        found = _first_inside(root, [target.with_suffix(".py") if parts else target / "__init__.py", target / "__init__.py"])
        subs = [s for n in names.split(",") if n for s in _first_inside(root, [target / f"{n}.py", target / n / "__init__.py"])]
        if found or subs:
            out = found + subs
            break
    return out


def _js_resolve(root: Path, path: Path, spec: str, text: str) -> list[Path]:
    if not spec.startswith((".", "/")):
        return []  # a package from node_modules, not workspace code
    target = (path.parent / spec) if spec.startswith(".") else Path(spec)
    candidates = [target] + [Path(f"{target}{ext}") for ext in _JS_EXTS] + [target / f"index{ext}" for ext in _JS_EXTS]
    if target.suffix == ".js":  # TypeScript imports "./x.js" that is really ./x.ts
        candidates += [target.with_suffix(ext) for ext in (".ts", ".tsx")]
    return _first_inside(root, candidates)


def _jvm_resolve(language_id: str):
    def resolve(root: Path, path: Path, spec: str, text: str) -> list[Path]:
        if spec.startswith("package:"):
            return []
        package = next((s[8:] for s in extract_imports(language_id, text) if s.startswith("package:")), "")
        source_root = path.parent
        for _ in package.split(".") if package else []:
            source_root = source_root.parent
        parts = spec.split(".")
        out = []
        for cut in range(len(parts), 0, -1):  # a.b.C.m (static import) -> try a/b/C first, then a/b/C/m
            rel = Path(*parts[:cut])
            found = _first_inside(root, [base / f"{rel}{ext}" for base in (source_root, root) for ext in _JVM_EXTS[language_id]])
            if found:
                out = found
                break
        return out

    return resolve


@functools.lru_cache(maxsize=64)
def _go_module(root: Path) -> str:
    try:
        m = re.search(r"^module\s+(\S+)", (root / "go.mod").read_text(encoding="utf-8"), re.MULTILINE)
    except OSError:
        return ""
    return m.group(1) if m else ""


def _go_resolve(root: Path, path: Path, spec: str, text: str) -> list[Path]:
    module = _go_module(root)
    if not module or not (spec == module or spec.startswith(module + "/")):
        return []
    folder = root / spec[len(module) :].lstrip("/")
    if inside_root(root, folder / "x") is None and not folder.resolve().is_relative_to(root.resolve()):
        return []
    files = sorted(p for p in folder.glob("*.go") if not p.name.endswith("_test.go"))
    return [real for p in files[:50] if (real := inside_root(root, p))]


def _c_resolve(root: Path, path: Path, spec: str, text: str) -> list[Path]:
    return _first_inside(root, [path.parent / spec, root / "include" / spec, root / spec, root / "src" / spec])


def _ruby_resolve(root: Path, path: Path, spec: str, text: str) -> list[Path]:
    kind, name = spec.split(":", 1)
    name = name if name.endswith(".rb") else f"{name}.rb"
    bases = [path.parent] if kind == "require_relative" else [root / "lib", root, root / "app"]
    return _first_inside(root, [base / name for base in bases])


def _php_resolve(root: Path, path: Path, spec: str, text: str) -> list[Path]:
    kind, name = spec.split(":", 1)
    if kind == "use":
        parts = name.split("\\")
        rels = [Path(*parts), Path(*parts[1:])] if len(parts) > 1 else [Path(*parts)]
        return _first_inside(root, [base / f"{rel}.php" for rel in rels for base in (root / "src", root / "app", root)])
    rel = name.lstrip("/") if kind == "dir" else name
    return _first_inside(root, [path.parent / rel, root / rel])


def _rust_resolve(root: Path, path: Path, spec: str, text: str) -> list[Path]:
    if spec.startswith("mod:"):
        name = spec[4:]
        base = path.parent if path.name in ("main.rs", "lib.rs", "mod.rs") else path.parent / path.stem
        return _first_inside(root, [base / f"{name}.rs", base / name / "mod.rs"])
    head, *parts = spec.split("::")
    if head == "crate":
        base = next((p / "src" for p in path.parents if (p / "Cargo.toml").exists() and p.is_relative_to(root)), root / "src")
    else:
        base = path.parent if head == "self" else path.parent.parent
    for cut in range(len(parts), 0, -1):
        rel = Path(*parts[:cut])
        found = _first_inside(root, [base / f"{rel}.rs", base / rel / "mod.rs"])
        if found:
            return found
    return []


def _cs_resolve(root: Path, path: Path, spec: str, text: str) -> list[Path]:
    parts = spec.split(".")
    for rel in (Path(*parts), Path(*parts[1:]) if len(parts) > 1 else None):
        if rel is None:
            continue
        for base in (root, root / "src"):
            folder = base / rel
            if folder.is_dir() and folder.resolve().is_relative_to(root.resolve()):
                return [real for p in sorted(folder.glob("*.cs"))[:50] if (real := inside_root(root, p))]
    return []


def _sh_resolve(root: Path, path: Path, spec: str, text: str) -> list[Path]:
    candidate = Path(spec)
    return _first_inside(root, [candidate] if candidate.is_absolute() else [path.parent / spec, root / spec])


_RESOLVERS = {
    "python": _py_resolve,
    "javascript": _js_resolve,
    "typescript": _js_resolve,
    "typescriptreact": _js_resolve,
    "java": _jvm_resolve("java"),
    "kotlin": _jvm_resolve("kotlin"),
    "scala": _jvm_resolve("scala"),
    "go": _go_resolve,
    "c": _c_resolve,
    "cpp": _c_resolve,
    "ruby": _ruby_resolve,
    "php": _php_resolve,
    "rust": _rust_resolve,
    "csharp": _cs_resolve,
    "shellscript": _sh_resolve,
}


def dependencies(root: Path | str, path: Path | str, language_id: str, text: str) -> list[Path]:
    """Workspace files `path` imports, resolved to real paths under `root` (never outside it)."""
    root, path = Path(root).resolve(), Path(path)
    lang = languages.resolve(language_id, str(path))
    if lang is None or lang.id not in _RESOLVERS:
        return []
    resolver = _RESOLVERS[lang.id]
    self_path = path.resolve() if path.exists() else path
    out: list[Path] = []
    for spec in extract_imports(lang.id, text):
        for found in resolver(root, path, spec, text):
            if found != self_path and found not in out:
                out.append(found)
    return out


def walk(
    root: Path | str,
    entry: Path | str,
    language_id: str,
    get_text: Callable[[Path], str | None],
    max_files: int = 100,
    max_depth: int = 5,
) -> tuple[list[Path], list[Path]]:
    """Breadth-first transitive dependencies of `entry` (included first).

    Returns (files, over_limit): `files` within max_files/max_depth, `over_limit` the ones found
    but left out because of the limits, so callers can report them instead of dropping them.
    """
    root = Path(root).resolve()
    start = Path(entry)
    files: list[Path] = [start]
    over: list[Path] = []
    seen = {start.resolve() if start.exists() else start}
    queue = deque([(start, 0)])
    while queue:
        path, depth = queue.popleft()
        text = get_text(path)
        lang = languages.resolve(None, str(path)) if path != start else languages.resolve(language_id, str(path))
        if text is None or lang is None:
            continue
        for dep in dependencies(root, path, lang.id, text):
            if dep in seen:
                continue
            seen.add(dep)
            if depth + 1 > max_depth or len(files) >= max_files:
                over.append(dep)
                continue
            files.append(dep)
            queue.append((dep, depth + 1))
    return files, over
