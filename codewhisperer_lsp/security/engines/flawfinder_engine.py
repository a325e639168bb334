"""flawfinder for C and C++: buffer overflows, format strings, races, with a CWE per hit.

flawfinder keeps its state in module globals and prints to stdout, so it runs as a
subprocess (`python -m flawfinder`, ~0.1 s) reading the buffer from stdin.
Level >= 3 and `--falsepositive` keep the editor quiet about static arrays and the like.
"""

from __future__ import annotations

import csv
import functools
import importlib.util
import io
import logging
import re
import sys

from codewhisperer_lsp.security.engines._subprocess import run_tool
from codewhisperer_lsp.security.findings import HIGH, LOW, MEDIUM, Finding, cwe_url

log = logging.getLogger(__name__)

_CWE = re.compile(r"CWE-(\d+)")
# flawfinder files its "random" category (srand, rand, drand48, ...) under CWE-327, a broken or
# risky cryptographic algorithm; what it warns about is a predictable generator: CWE-338. Labelled
# as it is, every C file that seeds rand() reported broken crypto.
_RANDOM_CWE = 338


class FlawfinderEngine:
    name = "flawfinder"
    languages = frozenset({"c", "cpp"})

    def __init__(self, min_level: int = 3, timeout_s: float = 20.0):
        self.min_level = min_level
        self.timeout_s = timeout_s

    def available(self) -> tuple[bool, str]:
        if not _installed():
            return False, "flawfinder is not installed (pip install flawfinder==2.0.20): C/C++ files get regex rules only"
        return True, ""

    def scan(self, path_or_uri: str, language_id: str, text: str) -> list[Finding]:
        argv = [sys.executable, "-m", "flawfinder", "--csv", "--dataonly", "--quiet", "--falsepositive",
                f"--minlevel={self.min_level}", "-"]
        proc = run_tool(argv, text, self.timeout_s)
        if proc.returncode != 0:
            raise RuntimeError(f"flawfinder exited {proc.returncode}: {proc.stderr[-300:].decode(errors='replace')}")
        lines = text.splitlines()
        return [_to_finding(row, lines) for row in csv.DictReader(io.StringIO(proc.stdout.decode("utf-8", "replace")))]


@functools.cache
def _installed() -> bool:
    return importlib.util.find_spec("flawfinder") is not None


def _to_finding(row: dict, lines: list[str]) -> Finding:
    line_no = max(int(row["Line"]) - 1, 0)
    line = lines[line_no] if line_no < len(lines) else ""
    start = max(int(row["Column"]) - 1, 0)
    name = row["Name"]
    end = start + len(name) if line[start : start + len(name)] == name else len(line)
    level = int(row["Level"])
    cwes = tuple(dict.fromkeys(int(c) for c in _CWE.findall(row.get("CWEs", ""))))
    if row.get("Category") == "random":
        cwes = tuple(dict.fromkeys(_RANDOM_CWE if cwe == 327 else cwe for cwe in cwes))
    return Finding(
        engine="flawfinder",
        rule_id=row.get("RuleId") or name,
        message=f"{name}: {row['Warning']} {row.get('Suggestion', '')}".strip(),
        severity=HIGH if level >= 4 else (MEDIUM if level >= 2 else LOW),
        confidence=MEDIUM,
        cwe=cwes,
        start_line=line_no,
        start_col=start,
        end_line=line_no,
        end_col=end,
        doc_url=row.get("HelpUri") or (cwe_url(cwes[0]) if cwes else ""),
    )
