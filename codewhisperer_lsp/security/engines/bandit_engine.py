"""bandit for Python, in process: about 10x faster than its CLI and able to scan unsaved text.

bandit has no public in-memory API, so this uses `BanditManager._parse_file` with a BytesIO;
that private call is why bandit is pinned (1.9.4). One manager is built once (plugin loading
costs ~100 ms) and guarded by a lock, because it accumulates results in attributes.
"""

from __future__ import annotations

import functools
import io
import re
import logging
import threading

from codewhisperer_lsp.security.findings import Finding, byte_col_to_char, cwe_url, normalize_severity, redact

log = logging.getLogger(__name__)

DOC_BASE = "https://bandit.readthedocs.io/en/1.9.4/plugins/index.html"


@functools.cache
def _import_bandit():
    """bandit's modules, or None; bandit's own logger is silenced (it warns per `nosec` comment)."""
    logging.getLogger("bandit").setLevel(logging.CRITICAL + 1)
    # bandit's optional SARIF formatter fails to load without sarif_om; harmless, but logged as ERROR,
    # and logged while bandit is imported (its extension manager loads every formatter then)
    logging.getLogger("stevedore.extension").setLevel(logging.CRITICAL + 1)
    try:
        from bandit.core import config, manager
    except ImportError:
        return None
    return config, manager


# bandit tests that only say "consider the implications" of a normal API (importing subprocess,
# subprocess without a shell, a program found on PATH, asserts) or importing ftplib (its call
# test B321 marks plain FTP itself; FTP_TLS lives in the same module): useful in an audit, noise as
# editor diagnostics. Pass skip_tests=frozenset() for the full bandit set.
EDITOR_QUIET_TESTS = frozenset({"B101", "B402", "B404", "B603", "B607"})


class BanditEngine:
    name = "bandit"
    languages = frozenset({"python"})

    def __init__(self, skip_tests: frozenset[str] = EDITOR_QUIET_TESTS) -> None:
        self.skip_tests = skip_tests
        self._lock = threading.Lock()
        self._manager = None

    def available(self) -> tuple[bool, str]:
        if _import_bandit() is None:
            return False, "bandit is not installed (pip install bandit==1.9.4): Python files get regex rules only"
        if not hasattr(_import_bandit()[1].BanditManager, "_parse_file"):
            return False, "this bandit version lacks BanditManager._parse_file; install bandit==1.9.4"
        return True, ""

    def scan(self, path_or_uri: str, language_id: str, text: str) -> list[Finding]:
        return self.scan_or_none(path_or_uri, text) or []

    def scan_or_none(self, path_or_uri: str, text: str) -> list[Finding] | None:
        """Findings, or None when bandit skipped the text (it does not parse)."""
        issues, skipped = self._run(path_or_uri, text)
        if skipped:
            return None
        lines = text.splitlines()
        return [_to_finding(issue, lines) for issue in issues if issue.test_id not in self.skip_tests]

    def _run(self, fname: str, text: str) -> tuple[list, list]:
        config, manager = _import_bandit()
        with self._lock:
            if self._manager is None:
                self._manager = manager.BanditManager(config.BanditConfig(), "file")
            mgr = self._manager
            mgr.results, mgr.scores, mgr.skipped = [], [], []
            files = [fname]
            mgr._parse_file(fname, io.BytesIO(text.encode("utf-8")), files)
            return list(mgr.results), list(mgr.skipped)


# bandit 1.9.4 labels some tests with a CWE that names a different weakness
CWE_FIXES: dict[str, tuple[int, ...]] = {
    # XML parsers: XXE (CWE-611), not CWE-20 (input validation); the standard library's parsers
    # also expand nested entities without limit (CWE-776, "billion laughs"); lxml (B320, B410) limits them
    **{f"B{n}": (611, 776) for n in (*range(313, 320), *range(405, 410), 411)},
    "B320": (611,), "B410": (611,),
    "B102": (95,), "B307": (95,),  # exec/eval: code injection (CWE-95), not OS command injection (CWE-78)
    "B506": (502,),  # yaml.load: deserialization of untrusted data, not CWE-20
    "B701": (79,),  # jinja2 autoescape off: cross-site scripting, not code injection
    "B303": (328,), "B324": (328,),  # md5/sha1: a weak hash (CWE-328)
    "B413": (1104,),  # importing Crypto.*: pyCrypto is unmaintained (CWE-1104); pycryptodome's strong ciphers share its names
}


def _to_finding(issue, lines: list[str]) -> Finding:
    start = max(issue.lineno - 1, 0)
    line_text = lines[start] if start < len(lines) else ""
    end = max((issue.linerange or [issue.lineno])[-1] - 1, start)
    end_text = lines[end] if end < len(lines) else ""
    start_col = byte_col_to_char(line_text, issue.col_offset or 0)
    end_col = byte_col_to_char(end_text, issue.end_col_offset) if issue.end_col_offset else len(end_text)
    if end == start and end_col <= start_col:
        end_col = len(line_text)
    own = getattr(getattr(issue, "cwe", None), "id", 0) or 0
    cwes = CWE_FIXES.get(issue.test_id, (own,) if own else ())
    return Finding(
        engine="bandit",
        rule_id=issue.test_id,
        message=_message(issue),
        severity=normalize_severity(issue.severity),
        confidence=normalize_severity(issue.confidence),
        cwe=cwes,
        start_line=start,
        start_col=start_col,
        end_line=end,
        end_col=end_col,
        doc_url=_doc_url(issue, cwes[0] if cwes else 0),
    )


def _doc_url(issue, cwe: int) -> str:
    test_id, test = issue.test_id or "", (issue.test or "").lower()
    if test_id.startswith("B4"):
        return "https://bandit.readthedocs.io/en/1.9.4/blacklists/blacklist_imports.html"
    if test_id.startswith("B3") and test == "blacklist":
        return "https://bandit.readthedocs.io/en/1.9.4/blacklists/blacklist_calls.html"
    if test_id and test:
        return f"https://bandit.readthedocs.io/en/1.9.4/plugins/{test_id.lower()}_{test}.html"
    return cwe_url(cwe) if cwe else DOC_BASE


_QUOTED = re.compile(r"'([^']*)'")


def _message(issue) -> str:
    """bandit quotes the password it found (B105-B107); keep only a redacted form."""
    if issue.test_id in ("B105", "B106", "B107"):
        return _QUOTED.sub(lambda m: f"'{redact(m.group(1))}'", issue.text)
    return issue.text
