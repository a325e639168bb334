"""The files a project scan covers: the entry file and the workspace files it imports, within the
depth and file limits, and every import it does not follow with the reason.

`context.imports` resolves imports only inside a root and drops the rest without a word; to name
what it dropped, the same resolvers run a second time with a root that accepts any existing file
and records which candidate led to which real path (so a symlink out can be told from a plain
path out). Only file metadata is touched for those: nothing outside the workspace is read.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from codewhisperer_lsp.context import imports
from codewhisperer_lsp.security.confine import OUTSIDE, SYMLINK_OUT, Workspace, language_of, real_path

log = logging.getLogger(__name__)

_PathType = type(Path())


def _unconfined(root: Path, records: dict[Path, Path]):
    """A Path class whose `root` resolves to "/" (so the resolvers' inside-root check passes) and
    whose other instances record real path -> the path as written."""
    root_text = str(root)

    class _Open(_PathType):
        def resolve(self, strict: bool = False):
            if str(self) == root_text:
                return Path("/")
            real = Path(os.path.realpath(str(self)))
            if strict and not os.path.exists(real):
                raise FileNotFoundError(str(self))
            records.setdefault(real, Path(os.path.abspath(str(self))))
            return real

    return _Open


def rejected_imports(workspace: Workspace, root: Path, path: Path, language_id: str, text: str) -> list[tuple[Path, str]]:
    """(real path, reason) of each existing file `path` imports that lies outside the workspace."""
    resolver = imports._RESOLVERS.get(language_id)
    if resolver is None:
        return []
    records: dict[Path, Path] = {}
    cls = _unconfined(root, records)
    out: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    for spec in imports.extract_imports(language_id, text):
        try:
            found = resolver(cls(root), cls(path), spec, text)
        except (OSError, ValueError, RuntimeError) as exc:
            log.debug("import %s of %s not resolved: %s", spec, path, exc)
            continue
        for real in found:
            real = Path(real)
            if workspace.root_of(real) is not None or real in seen:
                continue
            seen.add(real)
            written = records.get(real)
            inside = written is not None and workspace.root_of(written) is not None
            out.append((written, SYMLINK_OUT) if inside else (real, OUTSIDE))
    return out


@dataclass
class Plan:
    files: list[tuple[Path, str]] = field(default_factory=list)  # (path, language id), entry first
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # (path, reason)


def plan(entry: Path, language_id: str, workspace: Workspace, text_of: Callable[[Path], str | None],
         max_files: int, max_depth: int) -> Plan:
    """Breadth-first over imports from `entry`, which is scanned whatever its place (the caller
    decided it may be); its imports are followed only inside its workspace folder."""
    result = Plan(files=[(entry, language_id)])
    root = workspace.root_of(real_path(entry))
    if root is None:
        return result  # an open buffer outside the workspace: its own text only
    seen = {real_path(entry)}
    queue = deque([(entry, language_id, 0)])
    while queue:
        path, lang, depth = queue.popleft()
        text = text_of(path)
        if text is None:
            continue
        for dep in imports.dependencies(root, path, lang, text):
            if dep in seen:
                continue
            seen.add(dep)
            if depth + 1 > max_depth:
                result.skipped.append((dep, f"over the import-depth limit ({max_depth})"))
            elif len(result.files) >= max_files:
                result.skipped.append((dep, f"over the file limit ({max_files})"))
            elif (dep_lang := language_of(dep)) is not None:
                result.files.append((dep, dep_lang))
                queue.append((dep, dep_lang, depth + 1))
        for dep, reason in rejected_imports(workspace, root, path, lang, text):
            if dep not in seen:
                seen.add(dep)
                result.skipped.append((dep, reason))
    return result
