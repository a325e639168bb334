"""Shared measurement helpers for the labelled sets (also used by bench/security_bench.py)."""

from __future__ import annotations

import json
import tokenize
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from codewhisperer_lsp.context import languages
from codewhisperer_lsp.security.engines.bandit_engine import BanditEngine
from codewhisperer_lsp.security.scan import SecurityScanner

DATA = Path(__file__).resolve().parents[2] / "data" / "security"
CORPUS_LANGUAGES = sorted(p.name for p in DATA.iterdir() if p.is_dir() and p.name not in ("bandit_functional", "labelled", "sarif"))


@dataclass
class Score:
    language: str
    vulnerable: int
    flagged_vulnerable: int
    safe: int
    flagged_safe: int
    missed: list[str]
    false_alarms: list[str]

    @property
    def recall(self) -> float:
        return self.flagged_vulnerable / self.vulnerable if self.vulnerable else 1.0

    @property
    def precision(self) -> float:
        flagged = self.flagged_vulnerable + self.flagged_safe
        return self.flagged_vulnerable / flagged if flagged else 1.0


def score_language(scanner: SecurityScanner, language_id: str) -> Score:
    """A snippet counts as flagged when any engine reports anything in it."""
    folder = DATA / language_id
    result = {"vuln": [0, 0, []], "safe": [0, 0, []]}
    for path in sorted(folder.iterdir()):
        kind = path.name.split("_", 1)[0]
        findings = scanner.scan_text(path.as_uri(), language_id, path.read_text())
        flagged = bool(findings)
        result[kind][0] += 1
        result[kind][1] += flagged
        if flagged != (kind == "vuln"):
            result[kind][2].append(path.name + (f" {[f.rule_id for f in findings]}" if flagged else ""))
    (v, fv, missed), (s, fs, alarms) = result["vuln"], result["safe"]
    return Score(language_id, v, fv, s, fs, missed, alarms)


def bandit_functional_share(engine: BanditEngine | None = None) -> tuple[float, dict[str, tuple[int, int]]]:
    """Share of bandit's expected functional-test issues (per example, per severity) we report."""
    engine = engine or BanditEngine(skip_tests=frozenset())  # bandit's own expectations include every test
    folder = DATA / "bandit_functional"
    expected = json.loads((folder / "expected.json").read_text())
    found_total = expected_total = 0
    per_file = {}
    for name, by_severity in expected.items():
        text = _read_python_source(folder / "examples" / name)
        got = Counter(f.severity for f in engine.scan(name, "python", text))
        hit = sum(min(got.get(sev, 0), n) for sev, n in by_severity.items())
        want = sum(by_severity.values())
        per_file[name] = (hit, want)
        found_total += hit
        expected_total += want
    return found_total / expected_total, per_file


def _read_python_source(path: Path) -> str:
    """Decoded as Python would (PEP 263 coding line), since some examples are not UTF-8."""
    with open(path, "rb") as fh:
        encoding, _ = tokenize.detect_encoding(fh.readline)
    return path.read_bytes().decode(encoding, errors="replace")


assert all(languages.resolve(lang) for lang in CORPUS_LANGUAGES)
