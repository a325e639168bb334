"""TPR, FPR and score (TPR - FPR) per language and category on the labelled cases in
tests/data/security/labelled (also used by bench/security_bench.py and the docs table).

The set has parts: `tune` (the cases the rules were written against) and holdouts (each written
before a round of rule changes and not looked at while tuning: `holdout` for the first round,
`holdout2` for the second), so the holdout figures say how the rules do on code they were not
fitted to.

A case counts as flagged when some finding in it carries a CWE of the category's family, the way
the OWASP Benchmark scorecards count. `flagged_any` counts a vulnerable case with any finding at
all (SecurityEval's "flagged" share)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from codewhisperer_lsp.context import languages
from codewhisperer_lsp.security.scan import SecurityScanner

LABELLED = Path(__file__).resolve().parents[2] / "data" / "security" / "labelled"
PARTS = ("tune", "holdout", "holdout2", "holdout3", "holdout4", "holdout5")  # holdout2-5: each written before the round of its number
FAMILIES: dict[str, set[int]] = {k: set(v) for k, v in json.loads((LABELLED / "categories.json").read_text()).items()}


@dataclass
class Category:
    language: str
    category: str
    true_pos: int = 0
    vulnerable: int = 0
    false_pos: int = 0
    safe: int = 0
    flagged_any: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def tpr(self) -> float:
        return self.true_pos / self.vulnerable if self.vulnerable else 0.0

    @property
    def fpr(self) -> float:
        return self.false_pos / self.safe if self.safe else 0.0

    @property
    def score(self) -> float:
        return self.tpr - self.fpr


def cases(part: str = "tune") -> list[tuple[str, str, Path]]:
    """(language id, category, file) for every labelled case of one part."""
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}; expected one of {PARTS}")
    out = []
    for lang_dir in sorted(p for p in (LABELLED / part).iterdir() if p.is_dir()):
        for path in sorted(lang_dir.rglob("*")):
            if path.is_file() and path.name.startswith(("vuln_", "safe_")):
                out.append((lang_dir.name, path.parent.name, path))
    return out


def measure(scanner: SecurityScanner | None = None, part: str = "tune") -> dict[tuple[str, str], Category]:
    scanner = scanner or SecurityScanner()
    found = cases(part)
    files = []
    for lang_name, _, path in found:
        lang = languages.resolve(None, path.name) if lang_name in ("c", "cpp") else languages.resolve(lang_name)
        files.append((path.as_uri(), lang.id, path.read_text(encoding="utf-8")))
    result = scanner.scan_texts(files)
    table: dict[tuple[str, str], Category] = {}
    for (lang_name, category, path), (uri, _, _) in zip(found, files):
        row = table.setdefault((lang_name, category), Category(lang_name, category))
        findings = result.findings_by_uri.get(uri, [])
        cwes = {c for f in findings for c in f.cwe}
        hit = bool(cwes & FAMILIES[category])
        if path.name.startswith("vuln_"):
            row.vulnerable += 1
            row.true_pos += hit
            row.flagged_any += bool(findings)
            if not hit:
                row.wrong.append(f"missed {path.name} (found CWE {sorted(cwes)})")
        else:
            row.safe += 1
            row.false_pos += hit
            if hit:
                row.wrong.append(f"flagged {path.name}")
    return table


def totals(rows: list[Category]) -> Category:
    out = Category("all", "all")
    for r in rows:
        out.true_pos += r.true_pos
        out.vulnerable += r.vulnerable
        out.false_pos += r.false_pos
        out.safe += r.safe
        out.flagged_any += r.flagged_any
    return out


def markdown(table: dict[tuple[str, str], Category]) -> str:
    lines = ["| language | category | cases (vuln/safe) | TPR | FPR | score |", "|---|---|---|---|---|---|"]
    for (lang, cat), row in sorted(table.items()):
        lines.append(f"| {lang} | {cat} | {row.vulnerable}/{row.safe} | {row.tpr:.2f} | {row.fpr:.2f} | {row.score:+.2f} |")
    by_lang: dict[str, list[Category]] = {}
    for (lang, _), row in table.items():
        by_lang.setdefault(lang, []).append(row)
    lines += ["", "| language | categories | cases (vuln/safe) | TPR | FPR | score (pooled) | mean category score | vulnerable cases with any finding |",
              "|---|---|---|---|---|---|---|---|"]
    for lang, rows in sorted(by_lang.items()):
        t = totals(rows)
        lines.append(f"| {lang} | {len(rows)} | {t.vulnerable}/{t.safe} | {t.tpr:.2f} | {t.fpr:.2f} | {t.score:+.2f} | "
                     f"{sum(r.score for r in rows) / len(rows):+.2f} | {t.flagged_any / max(t.vulnerable, 1):.2f} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    import sys

    for part in sys.argv[1:] or PARTS:
        print(f"## {part}\n\n{markdown(measure(part=part))}")
