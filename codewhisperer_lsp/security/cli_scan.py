"""`codewhisperer-lsp scan PATH... [--format text|json|sarif] [--fail-on SEVERITY]`: the editor's
engines over files and folders, for CI pipelines and pre-commit hooks.

Only the named files and the files under the named folders are read (real paths; a symlink that
leads out of them is listed as skipped, not followed). Exit status: 0 when nothing at or above
`--fail-on` was found, 1 when something was, 2 when the command could not run as asked.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from codewhisperer_lsp.security import confine
from codewhisperer_lsp.security.findings import SEVERITIES
from codewhisperer_lsp.security.sarif import to_sarif

log = logging.getLogger(__name__)

SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", "dist", "build",
                       "target", ".mypy_cache", ".pytest_cache"})
FAIL_ON = ("high", "medium", "low", "none")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to scan")
    parser.add_argument("--format", choices=("text", "json", "sarif"), default="text")
    parser.add_argument("--fail-on", choices=FAIL_ON, default="low",
                        help="exit 1 when a finding at or above this severity is found (default: low, any finding)")
    parser.add_argument("--output", "-o", default="-", help="write the report here instead of stdout")
    parser.add_argument("--max-bytes", type=int, default=1_000_000, help="skip files larger than this")


def collect(paths: list[str], max_bytes: int) -> tuple[list[tuple[Path, str]], list[tuple[Path, str]]]:
    """((path, language id) to scan, (path, reason) skipped), inside the named paths only."""
    roots = [Path(p) for p in paths]
    space = confine.Workspace.of([r if r.is_dir() else r.parent for r in roots if r.exists()])
    files: list[tuple[Path, str]] = []
    skipped: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    for root in roots:
        if not root.exists():
            skipped.append((root, "no such file or folder"))
        for path in _walk(root) if root.is_dir() else ([root] if root.exists() else []):
            real = confine.real_path(path)
            if real in seen:
                continue
            seen.add(real)
            reason = space.why_not(path)
            lang = confine.language_of(path)
            if reason is None and lang is None:
                continue  # not source code: nothing to say about it
            if reason is None and real.stat().st_size > max_bytes:
                reason = f"{real.stat().st_size} bytes is over the {max_bytes}-byte limit"
            if reason is not None:
                skipped.append((path, reason))
            else:
                files.append((path, lang))
    return files, skipped


def _walk(root: Path):
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
        for name in sorted(names):
            yield Path(folder) / name


def run(args: argparse.Namespace) -> int:
    from codewhisperer_lsp.security.scan import SecurityScanner

    files, skipped = collect(args.paths, args.max_bytes)
    scanner = SecurityScanner()
    texts = []
    for path, lang in files:
        try:
            texts.append((path.resolve().as_uri(), lang, path.read_text(encoding="utf-8", errors="replace")))
        except OSError as exc:
            skipped.append((path, f"could not be read: {exc.strerror or exc}"))
    result = scanner.scan_texts(texts)
    result.skipped_files.extend((p.absolute().as_uri(), r) for p, r in skipped)
    report = render(args.format, result)
    if args.output == "-":
        sys.stdout.write(report)
    else:
        Path(args.output).write_text(report, encoding="utf-8")
    return 1 if failing(result, args.fail_on) else 0


def failing(result, fail_on: str) -> bool:
    if fail_on == "none":
        return False
    worst = SEVERITIES[: SEVERITIES.index(fail_on.upper()) + 1]
    return any(f.severity in worst for findings in result.findings_by_uri.values() for f in findings)


def render(fmt: str, result) -> str:
    if fmt == "sarif":
        return json.dumps(to_sarif(result, Path.cwd()), indent=2) + "\n"
    if fmt == "json":
        return json.dumps(_as_json(result), indent=2) + "\n"
    return _as_text(result)


def _relative(uri: str) -> str:
    path = confine.uri_path(uri)
    if path is None:
        return uri
    try:
        return str(path.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _as_json(result) -> dict:
    return {
        "status": result.status.value,
        "scannedFiles": [_relative(u) for u in result.scanned_files],
        "skippedFiles": [{"path": _relative(u), "reason": r} for u, r in result.skipped_files],
        "engineErrors": result.engine_errors,
        "findings": [{"path": _relative(uri), "engine": f.engine, "rule": f.rule_id, "severity": f.severity,
                      "confidence": f.confidence, "cwe": [f"CWE-{c}" for c in f.cwe], "message": f.message,
                      "line": f.start_line + 1, "column": f.start_col + 1, "endLine": f.end_line + 1,
                      "endColumn": f.end_col + 1, "help": f.doc_url}
                     for uri, findings in sorted(result.findings_by_uri.items()) for f in findings],
    }


def _as_text(result) -> str:
    lines = []
    total = 0
    for uri, findings in sorted(result.findings_by_uri.items()):
        for f in findings:
            total += 1
            cwe = ", ".join(f"CWE-{c}" for c in f.cwe)
            lines.append(f"{_relative(uri)}:{f.start_line + 1}:{f.start_col + 1}: {f.severity} "
                         f"[{f.engine} {f.rule_id}{'; ' + cwe if cwe else ''}] {f.message}")
    for uri, reason in result.skipped_files:
        lines.append(f"skipped {_relative(uri)}: {reason}")
    for engine, error in sorted(result.engine_errors.items()):
        lines.append(f"engine {engine}: {error}")
    lines.append(f"{total} findings in {len(result.scanned_files)} files scanned "
                 f"({len(result.skipped_files)} skipped, {result.duration_ms / 1000:.1f} s)")
    return "\n".join(lines) + "\n"
