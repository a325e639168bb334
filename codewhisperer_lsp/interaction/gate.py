"""Every completion candidate is checked before it is returned: does it copy licensed code
(references), and does it bring a security finding into the file?

The rules (`GateRules`), in order: a candidate with references is dropped when the user (or the organization)
refuses them; while the index cannot answer (not built yet, being rebuilt, locked) and the
organization refuses references, a candidate long enough to match is held back unchecked (the
user's own setting alone does not hold: it shows them unchecked, as before); an insecure candidate is dropped in favour of a clean one; when none is clean,
the insecure ones are returned with their findings noted, or nothing (setting).

The reference lookup sees the suggestion together with the few lines typed before it, so a
suggestion that finishes a copied function is caught even when it is shorter than the
matcher's threshold; only references whose copied run reaches into the suggestion count, and
their spans are offsets into the suggestion (end-exclusive).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field, replace
from typing import Callable

log = logging.getLogger(__name__)

PAD_LINES = 12  # lines before the cursor looked at together with the suggestion
PAD_CHARS = 1500
MIN_COPIED_CHARS = 40  # of the suggestion inside a copied run (or all of a shorter one)
MIN_SHORT_CHARS = 10  # a shorter suggestion (`else:`, `return s`) is too common to be a copy

FindReferences = Callable[[str], list[dict]]
CheckSecurity = Callable[[str, str, str, str], list]  # (language, before, suggestion, after) -> findings


@dataclass(frozen=True)
class Candidate:
    text: str
    references: tuple[dict, ...] = ()
    findings: tuple[dict, ...] = ()


@dataclass(frozen=True)
class GateRules:
    allow_references: bool = True
    check_security: bool = True
    return_insecure: bool = True
    hold_unchecked: bool = False  # the index cannot answer and an organization refuses references


@dataclass
class Verdict:
    kept: list[Candidate]
    dropped_with_references: int = 0
    held_unchecked: int = 0
    dropped_insecure: int = 0
    timings: dict = field(default_factory=dict)


class SuggestionGate:
    def __init__(self, find_references: FindReferences | None = None, check_security: CheckSecurity | None = None):
        self.find_references = find_references
        self.check_security = check_security

    def review(self, language_id: str, before: str, after: str, suggestions: list[str], rules: GateRules) -> Verdict:
        started = time.perf_counter()
        verdict = Verdict([])
        candidates = []
        for text in suggestions:
            if rules.hold_unchecked:
                if could_carry_reference(before, text):
                    verdict.held_unchecked += 1
                else:
                    candidates.append(Candidate(text))
                continue
            references = tuple(self._references(before, text))
            if references and not rules.allow_references:
                verdict.dropped_with_references += 1
                continue
            candidates.append(Candidate(text, references))
        verdict.timings["references_ms"] = (time.perf_counter() - started) * 1000
        if rules.check_security and self.check_security is not None:
            candidates = [replace(c, findings=tuple(self._findings(language_id, before, c.text, after)))
                          for c in candidates]
        clean = [c for c in candidates if not c.findings]
        if clean or not rules.return_insecure:
            verdict.dropped_insecure = len(candidates) - len(clean)
            verdict.kept = clean
        else:
            verdict.kept = candidates
        verdict.timings["total_ms"] = (time.perf_counter() - started) * 1000
        return verdict

    def _references(self, before: str, suggestion: str) -> list[dict]:
        if self.find_references is None or not suggestion.strip():
            return []
        pad = lead_in(before)
        try:
            found = self.find_references(pad + suggestion)
        except Exception:
            log.exception("reference lookup failed; the suggestion is treated as having none")
            return []
        return [ref for ref in (into_suggestion(r, len(pad), suggestion) for r in found) if ref is not None]

    def _findings(self, language_id: str, before: str, suggestion: str, after: str) -> list[dict]:
        try:
            findings = self.check_security(language_id, before, suggestion, after)
        except Exception:
            log.exception("security check of a suggestion failed; it is shown unchecked")
            return []
        return [finding_dict(f) for f in findings]


def could_carry_reference(before: str, suggestion: str) -> bool:
    """Whether a lookup could find a reference in `suggestion`: enough of it to count as copied
    (into_suggestion) and enough lexemes, with its lead-in, for the matcher's shortest run."""
    from codewhisperer_lsp.references.lexer import lex
    from codewhisperer_lsp.references.matcher import EXACT_MIN

    if len(suggestion.strip()) < MIN_SHORT_CHARS:
        return False
    return len(lex(lead_in(before) + suggestion)) >= EXACT_MIN


def lead_in(before: str) -> str:
    """The last few whole lines before the cursor's line, plus the cursor line's start."""
    start = len(before)
    for _ in range(PAD_LINES + 1):
        start = before.rfind("\n", 0, start)
        if start < 0:
            start = -1
            break
    pad = before[start + 1:]
    if len(pad) > PAD_CHARS:
        cut = pad.find("\n", len(pad) - PAD_CHARS)
        pad = pad[cut + 1:] if cut >= 0 else pad[-PAD_CHARS:]
    return pad


def into_suggestion(reference: dict, pad_length: int, suggestion: str) -> dict | None:
    """The reference with its span moved into the suggestion; None when too little of it is copied."""
    span = reference.get("recommendationContentSpan") or {}
    start = max(0, int(span.get("start", 0)) - pad_length)
    end = min(len(suggestion), int(span.get("end", 0)) - pad_length)
    if end <= start:
        return None
    copied = len(suggestion[start:end].strip())
    if copied < max(MIN_SHORT_CHARS, min(MIN_COPIED_CHARS, len(suggestion.strip()))):
        return None
    return {**reference, "recommendationContentSpan": {"start": start, "end": end}}


def shift_references(references: tuple[dict, ...], typed: int, remaining: str) -> tuple[dict, ...]:
    """References of a suggestion after `typed` of its characters were typed (typeahead)."""
    shifted = []
    for ref in references:
        span = ref["recommendationContentSpan"]
        start, end = max(0, span["start"] - typed), min(len(remaining), span["end"] - typed)
        if end > start:
            shifted.append({**ref, "recommendationContentSpan": {"start": start, "end": end}})
    return tuple(shifted)


def finding_dict(finding) -> dict:
    """What the client sees of a finding (in the accept command's arguments)."""
    if isinstance(finding, dict):
        return finding
    return {"engine": finding.engine, "ruleId": finding.rule_id, "message": finding.message,
            "severity": finding.severity, "cwe": [f"CWE-{c}" for c in finding.cwe], "line": finding.start_line,
            "href": finding.doc_url}
