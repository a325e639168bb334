"""Our own regex rule packs, one module per language, compiled once at import.

Regex rules are the fallback engine for every language and the only one fast enough for the
per-suggestion check (microseconds per rule). Each rule names its CWE and a documentation URL.
Precision comes from three narrowing fields: `near` (must also match on the same line, e.g.
security words for insecure-random rules), `unless` (the line is fine if it matches) and
`file_requires` (e.g. Go's `math/rand` import must be present).
"""

from __future__ import annotations

import functools
import importlib
import logging
import re
from dataclasses import dataclass

from codewhisperer_lsp.security.findings import HIGH, LOW, MEDIUM, cwe_url

log = logging.getLogger(__name__)

# Words that make a random number, hash or constant security-relevant.
SECURITY_WORDS = r"(?i)(token|passw|pwd|secret|salt|nonce|otp|session|csrf|api_?key|private_?key|\bkey\b|auth|crypt|\biv\b|reset|verif|captcha)"

# A SQL statement head as it appears inside a string literal.
SQL_HEAD = r"(?:SELECT\s[^\"'`;]*?\bFROM\b|INSERT\s+INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b|REPLACE\s+INTO\b)"


@dataclass(frozen=True)
class Rule:
    id: str
    pattern: re.Pattern
    message: str
    cwe: int
    severity: str = MEDIUM
    confidence: str = MEDIUM
    near: re.Pattern | None = None
    unless: re.Pattern | None = None
    file_requires: re.Pattern | None = None
    doc_url: str = ""

    @property
    def url(self) -> str:
        return self.doc_url or cwe_url(self.cwe)


def rule(id, pattern, message, cwe, severity=MEDIUM, confidence=MEDIUM, *, near=None, unless=None,
         file_requires=None, flags=0, doc_url="") -> Rule:
    """A Rule with its patterns compiled (MULTILINE always on)."""
    flags |= re.MULTILINE
    return Rule(
        id=id,
        pattern=re.compile(pattern, flags),
        message=message,
        cwe=cwe,
        severity=severity,
        confidence=confidence,
        near=re.compile(near) if isinstance(near, str) else near,
        unless=re.compile(unless, re.IGNORECASE) if unless else None,
        file_requires=re.compile(file_requires, re.MULTILINE) if file_requires else None,
        doc_url=doc_url,
    )


# language id -> module under security/rules holding RULES
_PACKS = {
    "python": "python",
    "java": "java",
    "javascript": "javascript",
    "typescript": "javascript",
    "typescriptreact": "javascript",
    "csharp": "csharp",
    "ruby": "ruby",
    "go": "go",
    "php": "php",
    "c": "c",
    "cpp": "c",
    "shellscript": "shell",
    "scala": "scala",
    "rust": "rust",
    "kotlin": "kotlin",
    "sql": "sql",
}

LANGUAGE_IDS = frozenset(_PACKS)


@functools.cache
def rules_for(language_id: str) -> tuple[Rule, ...]:
    """The compiled pack for a canonical language id, plus the cross-language rules; () if none."""
    module_name = _PACKS.get(language_id)
    if module_name is None:
        return ()
    from codewhisperer_lsp.security.rules import common

    module = importlib.import_module(f"{__name__}.{module_name}")
    return tuple(module.RULES) + tuple(common.rules_for(language_id))


__all__ = ["HIGH", "LOW", "MEDIUM", "Rule", "rule", "rules_for", "LANGUAGE_IDS", "SECURITY_WORDS", "SQL_HEAD"]
