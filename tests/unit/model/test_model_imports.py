"""The model package stands below the completion path: importing any of its modules loads nothing
from codewhisperer_lsp.completion, and no model module imports back into config or itself in a
cycle (each is imported alone, in a fresh interpreter)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[3] / "codewhisperer_lsp"
MODEL_MODULES = sorted(f"codewhisperer_lsp.model.{path.stem}" for path in (PACKAGE / "model").glob("*.py")
                       if path.stem != "__init__")


def test_no_model_module_loads_the_completion_package():
    probe = ("import importlib, sys\n"
             f"for name in {MODEL_MODULES!r}:\n"
             "    importlib.import_module(name)\n"
             "print(sorted(m for m in sys.modules if m.startswith('codewhisperer_lsp.completion')))\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def _runtime_nodes(tree: ast.AST):
    """Every node that can run: all but the bodies of `if TYPE_CHECKING:` (annotations only)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            continue
        yield node
        yield from _runtime_nodes(node)


def _imports(path: Path) -> set[str]:
    """Every codewhisperer_lsp module `path` imports, at the top or inside a function."""
    found = set()
    for node in _runtime_nodes(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("codewhisperer_lsp"):
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if _module_path(candidate) else node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("codewhisperer_lsp"))
    return found


def _module_path(name: str) -> Path | None:
    relative = Path(*name.split(".")[1:])
    for path in (PACKAGE / relative.with_suffix(".py"), PACKAGE / relative / "__init__.py"):
        if path.is_file():
            return path
    return None


def _cycle_from(start: str) -> list[str] | None:
    """A chain of imports (lazy ones included) that leads from `start` back to it."""
    stack = [(start, [start])]
    seen = set()
    while stack:
        name, chain = stack.pop()
        path = _module_path(name)
        if path is None:
            continue
        for imported in sorted(_imports(path)):
            if imported == start:
                return chain + [imported]
            if imported not in seen:
                seen.add(imported)
                stack.append((imported, chain + [imported]))
    return None


def test_no_import_cycle_through_the_model_package():
    for name in [*MODEL_MODULES, "codewhisperer_lsp.config"]:
        assert _cycle_from(name) is None, " -> ".join(_cycle_from(name))


def test_no_model_module_names_the_completion_package_even_in_a_function():
    for name in MODEL_MODULES:
        assert not [m for m in _imports(_module_path(name)) if m.startswith("codewhisperer_lsp.completion")], name
