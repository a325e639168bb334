"""The one place findings meet the protocol: Finding -> lsprotocol Diagnostic, and a tracker that
keeps published findings in the right place while the user edits, until the next scan.

Findings count columns in str characters; LSP counts UTF-16 code units. The conversion happens
here, against the line text, and nowhere else.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from lsprotocol import types

from codewhisperer_lsp.security.findings import HIGH, LOW, MEDIUM, Finding

log = logging.getLogger(__name__)

SEVERITY = {
    HIGH: types.DiagnosticSeverity.Error,
    MEDIUM: types.DiagnosticSeverity.Warning,
    LOW: types.DiagnosticSeverity.Information,
}
STALE_NOTE = "Re-scan to validate the fix"


def utf16_col(line: str, char_col: int) -> int:
    """A str column as UTF-16 code units (characters outside the BMP count twice)."""
    prefix = line[:char_col]
    return len(prefix) + sum(1 for ch in prefix if ord(ch) > 0xFFFF)


def char_col(line: str, utf16: int) -> int:
    """A UTF-16 column as a str column (clamped to the line)."""
    units = 0
    for i, ch in enumerate(line):
        if units >= utf16:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(line)


def to_diagnostic(finding: Finding, lines: list[str], stale: bool = False) -> types.Diagnostic:
    """`lines` is the document text split on newlines (for the UTF-16 columns)."""

    def pos(line_no: int, col: int) -> types.Position:
        text = lines[line_no] if 0 <= line_no < len(lines) else ""
        return types.Position(line=line_no, character=utf16_col(text, col))

    cwe_text = ", ".join(f"CWE-{c}" for c in finding.cwe)
    message = f"{finding.message} ({cwe_text})" if cwe_text else finding.message
    if stale:
        message = f"{message} [{STALE_NOTE}]"
    return types.Diagnostic(
        range=types.Range(start=pos(finding.start_line, finding.start_col), end=pos(finding.end_line, finding.end_col)),
        message=message,
        severity=SEVERITY.get(finding.severity, types.DiagnosticSeverity.Warning),
        code=finding.rule_id,
        code_description=types.CodeDescription(href=finding.doc_url) if finding.doc_url else None,
        source=finding.engine,
        data={"cwe": list(finding.cwe), "confidence": finding.confidence, "engine": finding.engine,
              "rule_id": finding.rule_id, "stale": stale},
    )


@dataclass
class TrackedFinding:
    finding: Finding
    stale: bool = False  # its lines were edited since the scan


class FindingTracker:
    """Findings of one document, moved by later edits; findings whose lines were edited are kept
    but marked stale ("Re-scan to validate the fix") instead of pointing at the wrong code.

    Feed it the same content changes as didChange: (range or None, new text), ranges in
    (line, UTF-16 character). A change without a range replaces the whole document.
    """

    def __init__(self, text: str, findings: list[Finding]):
        self.lines = text.split("\n")
        self.items = [TrackedFinding(f) for f in findings]

    def apply_change(self, change) -> None:
        """`change` is an lsprotocol TextDocumentContentChangeEvent (or anything with
        `.range` and `.text`, where range has start/end with line/character)."""
        rng = getattr(change, "range", None)
        if rng is None:
            self.lines = change.text.split("\n")
            for item in self.items:
                item.stale = True
            return
        self._apply_range(rng.start.line, rng.start.character, rng.end.line, rng.end.character, change.text)

    def _apply_range(self, sl: int, sc16: int, el: int, ec16: int, new_text: str) -> None:
        sl, el = min(sl, len(self.lines) - 1), min(el, len(self.lines) - 1)
        start_col = char_col(self.lines[sl], sc16)
        end_col = char_col(self.lines[el], ec16)
        new_lines = new_text.split("\n")
        replaced = self.lines[sl][:start_col] + new_text + self.lines[el][end_col:]
        self.lines[sl : el + 1] = replaced.split("\n")
        line_delta = (len(new_lines) - 1) - (el - sl)
        for item in self.items:
            self._move(item, sl, start_col, el, end_col, new_lines, line_delta)

    @staticmethod
    def _move(item: TrackedFinding, sl, start_col, el, end_col, new_lines, line_delta) -> None:
        f = item.finding
        if f.end_line < sl:
            return  # entirely above the edit
        if f.start_line > el:
            item.finding = replace(f, start_line=f.start_line + line_delta, end_line=f.end_line + line_delta)
            return
        # the edit touches the finding's lines: shift what we can and mark it for re-scan
        item.stale = True
        if f.start_line == el and f.start_col >= end_col and el == f.end_line:
            col_delta = len(new_lines[-1]) - end_col + (start_col if len(new_lines) == 1 else 0)
            item.finding = replace(f, start_line=f.start_line + line_delta, end_line=f.end_line + line_delta,
                                   start_col=f.start_col + col_delta, end_col=f.end_col + col_delta)
            item.stale = False  # edit was before it on the same line: the flagged code is unchanged
        elif f.start_line > sl:
            item.finding = replace(f, start_line=max(sl, f.start_line + line_delta),
                                   end_line=max(sl, f.end_line + line_delta))

    def findings(self) -> list[tuple[Finding, bool]]:
        """(finding with current positions, stale)."""
        return [(item.finding, item.stale) for item in self.items]

    def diagnostics(self) -> list[types.Diagnostic]:
        return [to_diagnostic(item.finding, self.lines, item.stale) for item in self.items]
