"""detect-secrets for every language: API keys, tokens and passwords written into source.

Its Python API makes no network calls (only its CLI verifies secrets online). Scanning every line
with every plugin costs ~0.2 ms a line, so lines are pre-filtered with one cheap regex (a long
token or a credential word) and only those go through the plugins and detect-secrets' own
filters. Uses detect-secrets' line-level internals, so the version is pinned (1.5.0).
Secrets are never logged; findings carry only a redacted snippet.
"""

from __future__ import annotations

import functools
import logging
import re
import threading

from codewhisperer_lsp.security.findings import HIGH, LOW, MEDIUM, Finding, redact

log = logging.getLogger(__name__)

DOC_URL = "https://cwe.mitre.org/data/definitions/798.html"
_CANDIDATE = re.compile(r"[A-Za-z0-9+/=_\-.]{16,}|(?i:pass|secret|token|key|auth|cred|pwd|private|bearer)")
_HIGH_TYPES = ("AWS Access Key", "Private Key", "GitHub Token", "Slack Token", "Stripe Access Key", "GitLab Token", "OpenAI Token")


@functools.cache
def _detect_secrets():
    """detect-secrets' modules, configured once with all plugins; None when not installed."""
    try:
        from detect_secrets.core import scan
        from detect_secrets.core.plugins.util import get_mapping_from_secret_type_to_class
        from detect_secrets.settings import get_settings
        from detect_secrets.util.code_snippet import get_code_snippet
    except ImportError:
        return None
    logging.getLogger("detect-secrets").setLevel(logging.CRITICAL + 1)
    plugins = [{"name": cls.__name__} for cls in get_mapping_from_secret_type_to_class().values()]
    get_settings().configure_plugins(plugins)
    return scan, get_code_snippet


class SecretsEngine:
    name = "detect-secrets"
    languages = frozenset({"*"})

    def __init__(self) -> None:
        self._lock = threading.Lock()  # detect-secrets keeps its settings and caches in globals

    def available(self) -> tuple[bool, str]:
        if _detect_secrets() is None:
            return False, "detect-secrets is not installed (pip install detect-secrets==1.5.0): secrets found by regex rules only"
        return True, ""

    def scan(self, path_or_uri: str, language_id: str, text: str) -> list[Finding]:
        lines = text.splitlines()
        candidates = [i for i, line in enumerate(lines) if _CANDIDATE.search(line)]
        if not candidates:
            return []
        with self._lock:
            hits = list(self._potential_secrets(path_or_uri, lines, candidates))
        return _dedupe([_to_finding(secret, lines) for secret in hits])

    def _potential_secrets(self, filename: str, lines: list[str], candidates: list[int]):
        scan, get_code_snippet = _detect_secrets()
        for index in candidates:
            line = lines[index].rstrip()
            context = get_code_snippet(lines=lines, line_number=index + 1)
            if scan._is_filtered_out(required_filter_parameters=["line"], filename=filename, line=line, context=context):
                continue
            for plugin in scan.get_plugins():
                for secret in scan._scan_line(plugin=plugin, filename=filename, line=line, line_number=index + 1, context=context):
                    if not scan._is_filtered_out(
                        required_filter_parameters=["context"], filename=filename, secret=secret.secret_value,
                        plugin=plugin, line=line, context=context,
                    ) and not ("Entropy" in secret.type and is_run_of_characters(secret.secret_value or "")):
                        yield secret


# "0123456789abcdef0123456789abcdef", "abcdefghij...": test patterns and alphabets, high in entropy
# and no secret. detect-secrets' own sequence filter misses runs that wrap around (f -> 0).
_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"


def is_run_of_characters(value: str) -> bool:
    """True when nearly every character of `value` is the one after its predecessor in 0-9a-z
    (wrapping from f or z back to 0): an alphabet or counting pattern, not a secret."""
    text = value.lower()
    if len(text) < 8:
        return False
    steps = sum(1 for a, b in zip(text, text[1:]) if _is_next(a, b))
    return steps >= 0.9 * (len(text) - 1)


def _is_next(a: str, b: str) -> bool:
    i = _ALPHABET.find(a)
    return i >= 0 and (b == _ALPHABET[(i + 1) % len(_ALPHABET)] or (b == "0" and a in "fz"))


def _to_finding(secret, lines: list[str]) -> Finding:
    line_no = secret.line_number - 1
    line = lines[line_no]
    value = secret.secret_value or ""
    start, end = _locate(line, value)
    kind = secret.type
    return Finding(
        engine="detect-secrets",
        rule_id=kind,
        message=f"Possible secret in source ({kind}): move it to the environment or a secret store.",
        severity=HIGH if kind in _HIGH_TYPES else (MEDIUM if "Keyword" not in kind else LOW),
        confidence=MEDIUM if "Entropy" in kind else HIGH,
        cwe=(798,),
        start_line=line_no,
        start_col=start,
        end_line=line_no,
        end_col=end,
        doc_url=DOC_URL,
        snippet=redact(line[start:end]),
    )


_TOKEN = re.compile(r"[A-Za-z0-9+/=_\-.]+")


def _locate(line: str, value: str) -> tuple[int, int]:
    """Columns of the secret; some plugins report only a prefix (e.g. "ghp"), so widen to the token."""
    col = line.find(value) if value else -1
    if col < 0:
        return len(line) - len(line.lstrip()), len(line)
    token = _TOKEN.match(line, col)
    return col, max(col + len(value), token.end() if token else col)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per line: several plugins often report the same token."""
    rank = {HIGH: 0, MEDIUM: 1, LOW: 2}
    best: dict[int, Finding] = {}
    for f in findings:
        if f.start_line not in best or rank[f.severity] < rank[best[f.start_line].severity]:
            best[f.start_line] = f
    return sorted(best.values(), key=lambda f: f.start_line)
