"""Runs our compiled regex rule packs (security/rules) over a buffer.

Matches inside comments are dropped (tree-sitter finds the comment ranges, only when a rule
matched at all, so clean files cost no parse). Fast enough for the per-suggestion check.
"""

from __future__ import annotations

import bisect
import logging

from codewhisperer_lsp.context import languages
from codewhisperer_lsp.security.comments import CommentIndex, comment_ranges
from codewhisperer_lsp.security.findings import Finding, redact
from codewhisperer_lsp.security.rules import LANGUAGE_IDS, Rule, rules_for

log = logging.getLogger(__name__)

_SECRET_RULES = ("common.hardcoded-credential", "common.aws-access-key", "common.private-key", "sql.hardcoded-password")


class RulesEngine:
    name = "rules"
    languages = LANGUAGE_IDS

    def available(self) -> tuple[bool, str]:
        return True, ""

    def scan(self, path_or_uri: str, language_id: str, text: str, *, requires_text: str | None = None) -> list[Finding]:
        """Findings of the language's pack; `requires_text` (default `text`) is what
        `file_requires` patterns are checked against, so a window can see the whole file's imports."""
        lang = languages.resolve(language_id, path_or_uri)
        if lang is None:
            return []
        return _Matcher(lang.id, text, requires_text if requires_text is not None else text).run()


class _Matcher:
    def __init__(self, language_id: str, text: str, requires_text: str):
        self.language_id = language_id
        self.text = text
        self.requires_text = requires_text
        self.line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"] if "\n" in text else [0]
        self._comments: CommentIndex | None = None

    def run(self) -> list[Finding]:
        findings = []
        for rule in rules_for(self.language_id):
            if rule.file_requires is not None and not rule.file_requires.search(self.requires_text):
                continue
            findings.extend(self._matches(rule))
        return findings

    def _matches(self, rule: Rule) -> list[Finding]:
        out = []
        for m in rule.pattern.finditer(self.text):
            start, end = m.span("hit") if "hit" in rule.pattern.groupindex else m.span()
            if end == start or self._in_comment(m.start()):
                continue
            line_no = bisect.bisect_right(self.line_starts, m.start()) - 1
            line = self._line(line_no)
            if rule.near is not None and not rule.near.search(line):
                continue
            if rule.unless is not None and rule.unless.search(line):
                continue
            out.append(self._finding(rule, start, end, self.text[start:end]))
        return out

    def _line(self, line_no: int) -> str:
        begin = self.line_starts[line_no]
        stop = self.text.find("\n", begin)
        return self.text[begin : stop if stop >= 0 else len(self.text)]

    def _in_comment(self, offset: int) -> bool:
        if self._comments is None:
            self._comments = CommentIndex(comment_ranges(self.language_id, self.text))
        return self._comments.contains(offset)

    def _finding(self, rule: Rule, start: int, end: int, matched: str) -> Finding:
        sl = bisect.bisect_right(self.line_starts, start) - 1
        el = bisect.bisect_right(self.line_starts, max(end - 1, start)) - 1
        secret = rule.id in _SECRET_RULES
        return Finding(
            engine="rules",
            rule_id=rule.id,
            message=rule.message,
            severity=rule.severity,
            confidence=rule.confidence,
            cwe=(rule.cwe,),
            start_line=sl,
            start_col=start - self.line_starts[sl],
            end_line=el,
            end_col=end - self.line_starts[el],
            doc_url=rule.url,
            snippet=redact(matched) if secret else "",
        )
