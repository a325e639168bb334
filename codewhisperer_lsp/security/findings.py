"""The one shape every security engine reports in, so the scanner, the suggestion check and the
diagnostics converter never need to know which engine found what.

Positions are 0-based lines and 0-based columns counted in Python `str` characters of the line
(not bytes, not UTF-16 units); the LSP converter does the UTF-16 step in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

HIGH = "HIGH"
MEDIUM = "MEDIUM"
LOW = "LOW"
SEVERITIES = (HIGH, MEDIUM, LOW)


@dataclass(frozen=True)
class Finding:
    engine: str  # "bandit", "rules", "detect-secrets", "flawfinder", "shellcheck", "semgrep"
    rule_id: str  # engine's own id: "B602", "py.sql-format", "CWE-120", "SC2086"
    message: str
    severity: str  # HIGH | MEDIUM | LOW
    confidence: str  # HIGH | MEDIUM | LOW
    cwe: tuple[int, ...]
    start_line: int
    start_col: int
    end_line: int
    end_col: int
    doc_url: str = ""
    snippet: str = ""  # redacted for secrets; never the full secret
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def overlaps_lines(self, first: int, last: int) -> bool:
        """True if the finding touches any line in [first, last]."""
        return self.start_line <= last and self.end_line >= first

    @property
    def key(self) -> tuple:
        """Identity used to drop duplicates reported twice by one engine."""
        return (self.engine, self.rule_id, self.start_line, self.start_col)


def cwe_url(cwe: int) -> str:
    return f"https://cwe.mitre.org/data/definitions/{cwe}.html"


def normalize_severity(value: str | None, default: str = MEDIUM) -> str:
    """Map an engine's severity word to HIGH/MEDIUM/LOW."""
    word = (value or "").upper()
    if word in SEVERITIES:
        return word
    if word in ("CRITICAL", "ERROR"):
        return HIGH
    if word in ("WARNING", "WARN"):
        return MEDIUM
    if word in ("INFO", "INFORMATION", "STYLE", "NOTE", "UNDEFINED"):
        return LOW
    return default


def redact(secret: str) -> str:
    """Keep at most the first 2 and last 2 characters of a secret, so logs and UIs never hold it."""
    if len(secret) <= 8:
        return "*" * len(secret)
    return f"{secret[:2]}{'*' * min(len(secret) - 4, 12)}{secret[-2:]}"


def line_col_from_offset(text: str, offset: int) -> tuple[int, int]:
    """0-based (line, str column) of a str offset."""
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start


def byte_col_to_char(line_text: str, byte_col: int) -> int:
    """A UTF-8 byte column (what Python's ast and tree-sitter report) as a str column."""
    return len(line_text.encode("utf-8")[:byte_col].decode("utf-8", errors="ignore"))
