"""The labelled security set and the per-file scan time, this tree against another revision
(default: main), in the same run.

The other revision's `codewhisperer_lsp` package is taken out of git into a temporary folder and
imported from there by a child process (its rules, engines and merged semgrep config); the cases
and the harness are this tree's, so both sides score the same files.

Run: .venv/bin/python bench/security_compare.py [--base REV] [--rounds N]
Prints the per-category table (tune and holdout, before and after) and the per-file p50."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, sys, tempfile, time
import codewhisperer_lsp
print("package:", codewhisperer_lsp.__file__, file=sys.stderr)
from pathlib import Path
from codewhisperer_lsp.security.scan import SecurityScanner
from codewhisperer_lsp.context import languages
from tests.unit.security.labelled import PARTS, measure, LABELLED

mode = sys.argv[1]
scanner = SecurityScanner()
if mode == "labelled":
    out = {}
    for part in PARTS:
        for (lang, cat), row in measure(scanner, part).items():
            out[f"{part}|{lang}|{cat}"] = [row.true_pos, row.vulnerable, row.false_pos, row.safe, row.flagged_any, row.wrong]
    print(json.dumps(out))
else:
    files = [Path(p) for p in sys.argv[2:]]
    times = []
    for path in files:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / path.name
            copy.write_text(path.read_text())
            t = time.perf_counter()
            scanner.scan(copy.as_uri(), lambda u: None, tmp)
            times.append(time.perf_counter() - t)
    print(json.dumps(times))
"""


def _child(package_dir: Path | None, *args: str) -> str:
    env = dict(os.environ)
    paths = ([str(package_dir)] if package_dir else []) + [str(ROOT)]
    env["PYTHONPATH"] = os.pathsep.join(paths)
    # run outside the tree: `python -c` puts the working folder first on sys.path, ahead of PYTHONPATH
    with tempfile.TemporaryDirectory() as cwd:
        out = subprocess.run([sys.executable, "-c", CHILD, *args], cwd=cwd, env=env, capture_output=True,
                             text=True, timeout=1800, check=True)
    return out.stdout.strip().splitlines()[-1]


def timing_files() -> list[Path]:
    """Two holdout files per language (vulnerable ones: they exercise the sinks)."""
    held = ROOT / "tests" / "data" / "security" / "labelled" / "holdout"
    out = []
    for lang_dir in sorted(p for p in held.iterdir() if p.is_dir()):
        out += sorted(lang_dir.rglob("vuln_*"))[:2]
    return out


def row_figures(v: list) -> tuple[float, float, float]:
    tp, vuln, fp, safe = v[:4]
    tpr = tp / vuln if vuln else 0.0
    fpr = fp / safe if safe else 0.0
    return tpr, fpr, tpr - fpr


def main() -> None:
    base = sys.argv[sys.argv.index("--base") + 1] if "--base" in sys.argv else "main"
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 2
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "archive", base, "codewhisperer_lsp"], cwd=ROOT, capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        base_dir = Path(tmp)
        before = json.loads(_child(base_dir, "labelled"))
        after = json.loads(_child(None, "labelled"))
        files = timing_files()
        t_before: list[float] = []
        t_after: list[float] = []
        for _ in range(rounds):  # alternate, so load changes hit both sides alike
            t_before += json.loads(_child(base_dir, "time", *map(str, files)))
            t_after += json.loads(_child(None, "time", *map(str, files)))

    parts = sorted({k.split("|")[0] for k in after}, key=lambda p: (p != "tune", p))
    for part in parts:
        print(f"\n### {part}: before ({base}) vs after (this tree), same run\n")
        print("| language | category | cases (vuln/safe) | before TPR / FPR / score | after TPR / FPR / score |")
        print("|---|---|---|---|---|")
        keys = sorted(k for k in set(before) | set(after) if k.startswith(part + "|"))
        pooled: dict[str, dict[str, list[int]]] = {}
        for key in keys:
            _, lang, cat = key.split("|")
            b, a = before.get(key), after.get(key)
            ref = a or b
            cells = []
            for side, v in (("before", b), ("after", a)):
                if v is None:
                    cells.append("-")
                    continue
                tpr, fpr, score = row_figures(v)
                cells.append(f"{tpr:.2f} / {fpr:.2f} / {score:+.2f}")
                acc = pooled.setdefault(side, {}).setdefault(lang, [0, 0, 0, 0, 0])
                for i in range(5):
                    acc[i] += v[i]
                allacc = pooled[side].setdefault("all", [0, 0, 0, 0, 0])
                for i in range(5):
                    allacc[i] += v[i]
            print(f"| {lang} | {cat} | {ref[1]}/{ref[3]} | {cells[0]} | {cells[1]} |")
        print(f"\n| language ({part}, pooled) | before TPR / FPR / score | after TPR / FPR / score | vulnerable with any finding before / after |")
        print("|---|---|---|---|")
        for lang in sorted(pooled.get("after", {})):
            b, a = pooled["before"].get(lang), pooled["after"][lang]
            fb = f"{row_figures(b)[0]:.2f} / {row_figures(b)[1]:.2f} / {row_figures(b)[2]:+.2f}" if b else "-"
            fa = f"{row_figures(a)[0]:.2f} / {row_figures(a)[1]:.2f} / {row_figures(a)[2]:+.2f}"
            any_b = f"{b[4] / b[1]:.2f}" if b and b[1] else "-"
            print(f"| {lang} | {fb} | {fa} | {any_b} / {a[4] / max(a[1], 1):.2f} |")
        if "--wrong" in sys.argv:
            for key in keys:
                if key in after and after[key][5]:
                    print(f"  {key}: {after[key][5]}")

    print(f"\nper-file scan through the scan service, every engine on, {len(files)} files x {rounds} rounds "
          f"(2 per language), alternating:")
    print(f"  before ({base}): p50 {statistics.median(t_before):.2f} s, max {max(t_before):.2f} s")
    print(f"  after (this tree): p50 {statistics.median(t_after):.2f} s, max {max(t_after):.2f} s   (target p50 <= 1 s)")


if __name__ == "__main__":
    main()
