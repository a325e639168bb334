"""The security-scan service: a file plus the workspace files it imports, every engine per file,
and the fast check of one completion suggestion before it is shown.

Plain blocking Python, meant for a worker thread (the server wraps it); cancellation and the
overall timeout are checked between files and between engines. An engine that crashes or times
out is logged once per scan and the other engines still report. Whatever goes over the limits is
listed in `skipped_files`, never silently dropped.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from codewhisperer_lsp.context import languages
from codewhisperer_lsp.security import import_plan
from codewhisperer_lsp.security.confine import NOT_LOCAL, Workspace, language_of, real_path, uri_path
from codewhisperer_lsp.security.engines import Engine, default_engines, handles
from codewhisperer_lsp.security.engines._subprocess import EngineTimeout
from codewhisperer_lsp.security.engines.bandit_engine import BanditEngine
from codewhisperer_lsp.security.engines.rules_engine import RulesEngine
from codewhisperer_lsp.security.engines.secrets_engine import SecretsEngine
from codewhisperer_lsp.security.cwe_labels import labelled
from codewhisperer_lsp.security.findings import Finding

log = logging.getLogger(__name__)


class ScanStatus(str, Enum):
    SUCCEEDED = "Succeeded"
    FAILED = "Failed"
    CANCELLED = "Cancelled"
    TIMED_OUT = "TimedOut"


@dataclass(frozen=True)
class ScanLimits:
    max_files: int = 100  # entry file included
    max_bytes: int = 1_000_000  # per file; larger files are skipped
    timeout_s: float = 60.0
    max_depth: int = 5  # import hops from the entry file


@dataclass
class ScanResult:
    status: ScanStatus
    scanned_files: list[str] = field(default_factory=list)  # URIs
    skipped_files: list[tuple[str, str]] = field(default_factory=list)  # (URI, reason)
    findings_by_uri: dict[str, list[Finding]] = field(default_factory=dict)
    duration_ms: float = 0.0
    engine_errors: dict[str, str] = field(default_factory=dict)  # engine -> first error (or why unavailable)
    texts: dict[str, str] = field(default_factory=dict, repr=False)  # URI -> the text scanned


def uri_to_path(uri: str) -> Path:
    return uri_path(uri) or Path(uri)


def path_to_uri(path: Path) -> str:
    return path.resolve().as_uri() if path.is_absolute() or path.exists() else str(path)


class _Texts:
    """The texts one scan reads: open buffers first, else disk inside the workspace, each once."""

    def __init__(self, buffer_text, workspace: Workspace, max_bytes: int):
        self.buffer = buffer_text
        self.workspace = workspace
        self.max_bytes = max_bytes
        self._uris: dict[Path, str] = {}
        self._cache: dict[str, tuple[str | None, str | None]] = {}

    def alias(self, path: Path, uri: str) -> None:
        """`path` is the one the client calls `uri` (so its buffer is found under that name)."""
        self._uris[path] = uri

    def why_not(self, path: Path) -> str | None:
        reason = self.workspace.why_not(path)
        if reason is None and (size := real_path(path).stat().st_size) > self.max_bytes:
            return f"{size} bytes is over the {self.max_bytes}-byte limit"
        return reason

    def text_of_uri(self, uri: str) -> tuple[str | None, str | None]:
        if uri not in self._cache:
            text = self.buffer(uri)
            if text is not None:
                self._cache[uri] = (text, None)
            else:
                path = uri_path(uri)
                reason = NOT_LOCAL if path is None else self.why_not(path)
                self._cache[uri] = (None, reason) if reason else self.workspace.read(path)
        return self._cache[uri]

    def text_of_path(self, path: Path) -> str | None:
        return self.text_of_uri(self._uris.get(path) or path_to_uri(path))[0]


class _Deadline:
    def __init__(self, timeout_s: float, cancel_event: threading.Event | None):
        self.end = time.monotonic() + timeout_s
        self.cancel_event = cancel_event

    def remaining(self) -> float:
        return self.end - time.monotonic()

    def stop_reason(self) -> ScanStatus | None:
        if self.cancel_event is not None and self.cancel_event.is_set():
            return ScanStatus.CANCELLED
        if self.remaining() <= 0:
            return ScanStatus.TIMED_OUT
        return None


class SecurityScanner:
    """Runs the engines; one instance per server, safe to share between threads."""

    def __init__(self, engines: tuple[Engine, ...] | None = None):
        all_engines = default_engines() if engines is None else engines
        self.unavailable: dict[str, str] = {}
        ready = []
        for engine in all_engines:
            ok, reason = engine.available()
            if ok:
                ready.append(engine)
            else:
                self.unavailable[engine.name] = reason
                log.info("security engine %s unavailable: %s", engine.name, reason)
        self.engines = tuple(ready)
        self._bandit = next((e for e in ready if isinstance(e, BanditEngine)), None)
        self._rules = next((e for e in ready if isinstance(e, RulesEngine)), RulesEngine())
        self._secrets = next((e for e in ready if isinstance(e, SecretsEngine)), None)

    # ------------------------------------------------------------------ project scan

    def scan(
        self,
        entry_uri: str,
        buffer_text: Callable[[str], str | None],
        workspace: Workspace | Path | str | list,
        limits: ScanLimits = ScanLimits(),
        progress: Callable[[int, int], None] | None = None,
        cancel_event: threading.Event | None = None,
        language_id: str | None = None,
    ) -> ScanResult:
        """Scan `entry_uri` and the workspace files it imports (transitively, within `limits`).

        `buffer_text(uri)` returns the text of a buffer the client opened (and sent), else None;
        anything else is read from disk only inside `workspace` (its folders, real paths).
        `language_id` is the client's id for the entry's open buffer.
        """
        started = time.monotonic()
        deadline = _Deadline(limits.timeout_s, cancel_event)
        result = ScanResult(status=ScanStatus.SUCCEEDED, engine_errors=dict(self.unavailable))
        texts = _Texts(buffer_text, workspace if isinstance(workspace, Workspace) else Workspace.of(workspace),
                       limits.max_bytes)
        try:
            files = self._plan(entry_uri, texts, limits, language_id, result)
            self._scan_files(files, texts, deadline, progress, result)
        except Exception:
            log.exception("security scan of %s failed", entry_uri)
            result.status = ScanStatus.FAILED
        result.duration_ms = (time.monotonic() - started) * 1000
        return result

    def _plan(self, entry_uri, texts, limits, language_id, result) -> list[tuple[str, str | None]]:
        """(uri, language id) of each file to scan; what is not followed goes to skipped."""
        entry_path = uri_path(entry_uri)
        has_buffer = texts.buffer(entry_uri) is not None
        if entry_path is None or not has_buffer:
            reason = NOT_LOCAL if entry_path is None else texts.why_not(entry_path)
            if reason is not None:
                result.skipped_files.append((entry_uri, reason))
                return []
        lang = language_of(entry_path, language_id if has_buffer else None)
        if lang is None or entry_path is None:
            return [(entry_uri, lang)]
        texts.alias(entry_path, entry_uri)
        found = import_plan.plan(entry_path, lang, texts.workspace, texts.text_of_path,
                                 limits.max_files, limits.max_depth)
        result.skipped_files.extend((p.absolute().as_uri(), reason) for p, reason in found.skipped)
        return [(entry_uri, lang)] + [(path_to_uri(p), dep_lang) for p, dep_lang in found.files[1:]]

    def _scan_files(self, files, texts, deadline, progress, result) -> None:
        total = len(files)
        batched = self._run_batches(files, texts, deadline, result)
        for done, (uri, language_id) in enumerate(files):
            stop = deadline.stop_reason()
            if stop is not None:
                result.status = stop
                reason = "cancelled" if stop is ScanStatus.CANCELLED else "scan timed out"
                result.skipped_files.extend((u, reason) for u, _ in files[done:])
                return
            self._scan_one(uri, language_id, texts, deadline, result, batched)
            if progress is not None:
                progress(done + 1, total)

    def scan_texts(self, files: list[tuple[str, str, str]], timeout_s: float = 600.0) -> ScanResult:
        """Every engine on (uri, language id, text) buffers, batch engines once for all of them:
        what the command-line scan and the labelled-set measurement use."""
        started = time.monotonic()
        by_uri = {uri: text for uri, _, text in files}
        texts = _Texts(by_uri.get, Workspace(()), max_bytes=ScanLimits().max_bytes)
        result = ScanResult(status=ScanStatus.SUCCEEDED, engine_errors=dict(self.unavailable))
        self._scan_files([(uri, lang) for uri, lang, _ in files], texts, _Deadline(timeout_s, None), None, result)
        result.duration_ms = (time.monotonic() - started) * 1000
        return result

    def _run_batches(self, files, texts, deadline, result) -> dict[str, dict[str, list[Finding]]]:
        """Engines that scan many files in one run (semgrep: its rules are parsed once per run):
        {engine name: {uri: findings}} for the files they handle."""
        out = {}
        for engine in self.engines:
            if not hasattr(engine, "scan_many"):
                continue
            batch = []
            for uri, language_id in files:
                if language_id is not None and handles(engine, language_id):
                    text, _ = texts.text_of_uri(uri)
                    if text is not None and len(text.encode("utf-8", "replace")) <= texts.max_bytes:
                        batch.append((uri, language_id, text))
            if not batch or deadline.stop_reason() is not None:
                continue
            try:
                out[engine.name] = engine.scan_many(batch, deadline.remaining(), deadline.cancel_event)
            except Exception as exc:
                self._run_engine(_Raising(engine, exc), "", "", "", result.engine_errors)
                out[engine.name] = {}
        return out

    def _scan_one(self, uri, language_id, texts, deadline, result, batched=None) -> None:
        if language_id is None:
            result.skipped_files.append((uri, "unsupported language"))
            return
        text, reason = texts.text_of_uri(uri)
        if text is None:
            result.skipped_files.append((uri, reason or "could not be read"))
            return
        size = len(text.encode("utf-8", "replace"))
        if size > texts.max_bytes:
            result.skipped_files.append((uri, f"{size} bytes is over the {texts.max_bytes}-byte limit"))
            return
        result.findings_by_uri[uri] = self.scan_text(uri, language_id, text, deadline, result.engine_errors, batched)
        result.scanned_files.append(uri)
        result.texts[uri] = text

    def scan_text(self, uri: str, language_id: str, text: str, deadline: _Deadline | None = None,
                  errors: dict[str, str] | None = None, batched: dict | None = None) -> list[Finding]:
        """All engines on one buffer; an engine that fails is recorded in `errors` and skipped.
        `batched` holds what batch engines already found ({engine: {uri: findings}})."""
        errors = {} if errors is None else errors
        findings: list[Finding] = []
        replaced: set[int] = set()  # CWEs that data-flow rules followed in this file
        for engine in self.engines:
            if not handles(engine, language_id):
                continue
            if batched is not None and hasattr(engine, "scan_many"):
                ran = batched.get(engine.name, {})
                if uri in ran:
                    findings.extend(ran[uri])
                    replaced |= engine.supersedes(language_id)
                continue
            if deadline is not None and deadline.stop_reason() is not None:
                errors.setdefault(engine.name, "not run: scan cancelled or timed out")
                continue
            findings.extend(self._run_engine(engine, uri, language_id, text, errors))
        # a line-local regex rule, flawfinder's function list, bandit's low-severity "a shell,
        # but a constant", or its shell test on a quoted value cannot tell a sanitised call from a tainted one: where the
        # data-flow rules ran for that CWE, their answer stands
        quotes = bool(_SHELL_QUOTE.search(text))
        return merge([f for f in findings if not (_sink_only(f, quotes) and set(f.cwe) & replaced)])

    @staticmethod
    def _run_engine(engine: Engine, uri: str, language_id: str, text: str, errors: dict[str, str]) -> list[Finding]:
        try:
            return engine.scan(uri, language_id, text)
        except EngineTimeout as exc:
            message = f"timed out: {exc}"
        except Exception as exc:  # one engine's bug must not hide the others' findings
            message = f"{type(exc).__name__}: {exc}"
        if engine.name not in errors:
            log.warning("security engine %s failed on %s: %s", engine.name, uri, message)
            errors[engine.name] = message
        return []

    # ------------------------------------------------------------------ suggestion check

    def check_suggestion(self, language_id: str, before: str, suggestion: str, after: str) -> list[Finding]:
        """Findings caused by `suggestion` inserted between `before` and `after`.

        Positions are in the document with the suggestion in place. Python: bandit on the
        enclosing top-level block (so fragments parse), falling back to regex rules if it does
        not parse; other languages: regex rules on a window around the suggestion. Secrets:
        detect-secrets on the suggestion's lines.
        """
        lang = languages.resolve(language_id)
        if lang is None or not suggestion.strip():
            return []
        first = before.count("\n")
        last = first + suggestion.count("\n")
        window, offset = _window(lang.id, before, suggestion, after)
        found = None
        if lang.id == "python" and self._bandit is not None:
            found = self._bandit.scan_or_none("<suggestion>", window)
        if found is None:
            found = self._rules.scan("<suggestion>", lang.id, window, requires_text=before + suggestion + after)
        found = found + self._suggestion_secrets(lang.id, before, suggestion, first)
        shifted = [_shift(f, offset) if f.engine != "detect-secrets" else f for f in found]
        return merge([f for f in shifted if f.overlaps_lines(first, last)])

    def _suggestion_secrets(self, language_id: str, before: str, suggestion: str, first: int) -> list[Finding]:
        if self._secrets is None:
            return []
        prefix = before[before.rfind("\n") + 1 :]
        lines = (prefix + suggestion).split("\n")
        try:
            hits = self._secrets.scan("<suggestion>", language_id, "\n".join(lines))
        except Exception:
            log.exception("detect-secrets failed on a suggestion")
            return []
        return [_shift(f, first) for f in hits]


# bandit's shell tests fire on any non-literal command given to a shell, quoted or not; in a file
# that quotes shell values they are left to the data-flow rules (which know shlex.quote as a sanitiser)
_BANDIT_SHELL_TESTS = frozenset({"B602", "B604", "B605"})
_SHELL_QUOTE = re.compile(r"\b(shlex\.quote|shlex\.join|pipes\.quote)\s*\(")


def _sink_only(f: Finding, quotes_shell_values: bool) -> bool:
    if f.engine in ("rules", "flawfinder") or (f.engine == "bandit" and f.severity == "LOW"):
        return True
    return f.engine == "bandit" and f.rule_id in _BANDIT_SHELL_TESTS and quotes_shell_values


class _Raising:
    """Stands for an engine whose batch run failed, so the failure is recorded like any other."""

    def __init__(self, engine: Engine, exc: Exception):
        self.name, self._exc = engine.name, exc

    def scan(self, *_):
        raise self._exc


_CONTEXT_LINES = 8  # lines of before/after kept around the suggestion for regex rules
_PY_MAX_BLOCK = 120  # lines of before searched for the start of the enclosing top-level block


def _window(language_id: str, before: str, suggestion: str, after: str) -> tuple[str, int]:
    """(text to scan, line number of its first line in the full document)."""
    before_lines = before.split("\n")
    after_lines = after.split("\n")
    if language_id == "python":
        start = _py_block_start(before_lines)
        end = _py_block_end(after_lines)
    else:
        start = max(len(before_lines) - 1 - _CONTEXT_LINES, 0)
        end = min(_CONTEXT_LINES + 1, len(after_lines))
    text = "\n".join(before_lines[start:]) + suggestion + "\n".join(after_lines[:end])
    return text, start


def _py_block_start(lines: list[str]) -> int:
    """Index of the last top-level statement line before the cursor (within _PY_MAX_BLOCK lines)."""
    floor = max(len(lines) - 1 - _PY_MAX_BLOCK, 0)
    for i in range(len(lines) - 2, floor - 1, -1):
        line = lines[i]
        if line and not line[0].isspace() and not line.startswith(("#", ")", "]", "}", "@")) and _opens_statement(line):
            while i > 0 and lines[i - 1].startswith("@"):  # keep decorators with their function
                i -= 1
            return i
    return floor


def _opens_statement(line: str) -> bool:
    return not line.startswith(("else", "elif", "except", "finally", "case"))


def _py_block_end(lines: list[str]) -> int:
    """Number of after-lines up to the next top-level statement (the rest of the current block)."""
    for i, line in enumerate(lines[1:40], start=1):
        if line and not line[0].isspace() and not line.startswith(("#", ")", "]", "}")) and _opens_statement(line):
            return i
    return min(len(lines), 40)


def _shift(f: Finding, lines: int) -> Finding:
    if not lines:
        return f
    from dataclasses import replace

    return replace(f, start_line=f.start_line + lines, end_line=f.end_line + lines)


_ENGINE_ORDER = ("bandit", "flawfinder", "shellcheck", "semgrep", "rules", "detect-secrets")
# CWEs that engines use for the same weakness (hard-coded password/credential, weak hash/crypto)
_SAME_CWE = {259: 798, 321: 798, 328: 327, 916: 327, 120: 119, 242: 119}


def merge(findings: list[Finding]) -> list[Finding]:
    """Drop repeats: the same rule twice at one position, or a later engine reporting only CWEs
    that earlier engines already reported on the same line. Each finding also carries its CWEs' parents
    (cwe_labels)."""
    order = {name: i for i, name in enumerate(_ENGINE_ORDER)}
    findings = [labelled(f) for f in findings]
    ranked = sorted(findings, key=lambda f: (order.get(f.engine, 99), f.start_line, f.start_col))
    kept: list[Finding] = []
    seen_keys: set[tuple] = set()
    seen_cwe: dict[tuple[int, int], str] = {}
    for f in ranked:
        if f.key in seen_keys:
            continue
        cwes = {_SAME_CWE.get(c, c) for c in f.cwe}
        if cwes and all(seen_cwe.get((f.start_line, c), f.engine) != f.engine for c in cwes):
            continue  # nothing this engine adds on this line
        seen_keys.add(f.key)
        for c in cwes:
            seen_cwe.setdefault((f.start_line, c), f.engine)
        kept.append(f)
    return sorted(kept, key=lambda f: (f.start_line, f.start_col, f.engine))
