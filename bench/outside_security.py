"""The security scanner on outside public suites it was never written against: OWASP Benchmark
Java 1.2 (score = TPR - FPR per category) and SecurityEval (insecure Python samples: share flagged,
share with the sample's CWE).

The suites are not part of this project and it never downloads them: pass the folder of a checkout
the user provides (OWASP-Benchmark/BenchmarkJava, s2e-lab/SecurityEval). The scan is the one the
command-line `scan` runs (`SecurityScanner.scan_texts`, every engine, semgrep batched once).

OWASP sample: `--per-class N` true and N false cases of each category. Without `--seed` these are
the first N of each kind in test-number order (a fixed rule, nothing chosen by hand); with
`--seed S` a seeded random draw. A test counts as flagged when one of its findings carries a CWE of
the category's family (FAMILIES below), as the benchmark's scorecards count it.

SecurityEval: every sample of `Testcases_Insecure_Code/CWE-NNN/*.py`, or of `dataset.jsonl`
(`Insecure_code`, older copies `Canonical_solution`) when that folder is absent. Flagged = any
finding; exact = a finding with the CWE of the sample's name; family = one within SE_FAMILIES.

SARD (NIST's PHP suites in their SARIF layout): every `*/manifest.sarif` under `--sard PATH`,
its `state` (good/bad) and its result's CWE; the case's source files are scanned. Scored per CWE
like OWASP (flagged = a finding in the CWE's family, SE_FAMILIES).

Juliet (NIST's C/C++ suite, v1.3 layout): every `CWE*.c`/`CWE*.cpp` under `--juliet PATH` holding
both a bad and a good part. Each file is split the way Juliet's own build does it (`-DOMITGOOD`
keeps the bad part, `-DOMITBAD` the good part) into a vulnerable and a safe case, both scanned and
scored per CWE (flagged = a finding in the CWE's family, JULIET_FAMILIES). Copies already split
that way (`X_omitgood.c` beside `X_omitbad.c`) are taken as the pair they are; copies whose
OMITBAD/OMITGOOD guards were stripped are split at the first `good` definition after the first
`bad` one (`juliet_split_unguarded`).

`--package-from DIR` imports `codewhisperer_lsp` from another source tree (an older revision
checked out with `git worktree add`), to compare revisions on the same files.

Run: .venv/bin/python bench/outside_security.py --owasp PATH [--securityeval PATH] [--sard PATH] [--juliet PATH]
     [--per-class 9] [--seed S] [--package-from TREE] [--json FILE]
Prints markdown tables and the per-test outcomes; `--json FILE` also writes them as JSON.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from pathlib import Path

FAMILIES: dict[str, set[int]] = {
    "sqli": {89}, "cmdi": {78}, "pathtraver": {22, 23, 36}, "xss": {79, 80}, "ldapi": {90},
    "xpathi": {643}, "trustbound": {501}, "weakrand": {330, 338}, "crypto": {327}, "hash": {328},
    "securecookie": {614},
}
# A SecurityEval sample's CWE and the CWEs a finding may carry to count as "the same family".
SE_FAMILIES: list[set[int]] = [
    {77, 78, 88}, {94, 95}, {22, 23, 36, 73}, {89, 564, 943}, {79, 80}, {326, 327, 328, 916},
    {295, 297}, {611, 776, 827}, {400, 730, 1333}, {259, 321, 798}, {312, 319}, {732, 276},
]
# Juliet's CWEs and the CWEs a finding may carry to count for them (memory-safety CWEs overlap)
JULIET_FAMILIES: list[set[int]] = [
    {119, 120, 121, 122, 124, 126, 127, 787, 788, 805, 806}, {401, 772, 775}, {476, 690}, {190, 191, 680},
    {77, 78, 88}, {134}, {415}, {416}, {242, 676}, {22, 23, 36}, {89}, {327, 328}, {330, 338}, {377, 378},
]
TESTCODE = Path("src/main/java/org/owasp/benchmark/testcode")


def _scanner():
    from codewhisperer_lsp.security.scan import SecurityScanner
    return SecurityScanner()


def scan_files(scanner, files: list[tuple[str, Path, str]]) -> dict[str, set[int]]:
    """{key: CWEs of its findings} for (key, path, language id) files, one batched scan."""
    texts = [(path.resolve().as_uri(), lang, path.read_text(encoding="utf-8", errors="replace"))
             for _, path, lang in files]
    result = scanner.scan_texts(texts)
    if result.engine_errors:
        print(f"engine errors: {result.engine_errors}", file=sys.stderr)
    by_uri = {uri: {c for f in findings for c in f.cwe} for uri, findings in result.findings_by_uri.items()}
    return {key: by_uri.get(path.resolve().as_uri(), set()) for key, path, _ in files}


def owasp_sample(root: Path, csv_name: str, per_class: int, seed: int | None) -> list[tuple[str, str, bool]]:
    rows = []
    with open(root / csv_name, newline="") as fh:
        for row in csv.reader(line for line in fh if not line.startswith("#")):
            if len(row) >= 3 and row[1].strip() in FAMILIES:
                rows.append((row[0].strip(), row[1].strip(), row[2].strip() == "true"))
    rows.sort()
    rng = random.Random(seed) if seed is not None else None
    picked = []
    for cat in sorted(FAMILIES):
        for truth in (True, False):
            group = [r for r in rows if r[1] == cat and r[2] is truth]
            if rng is not None:
                group = sorted(rng.sample(group, min(per_class, len(group))))
            picked.extend(group[:per_class])
    return picked


def run_owasp(scanner, root: Path, csv_name: str, per_class: int, seed: int | None) -> dict:
    sample = owasp_sample(root, csv_name, per_class, seed)
    present = [(n, c, t) for n, c, t in sample if (root / TESTCODE / f"{n}.java").is_file()]
    missing = [n for n, _, _ in sample if (root / TESTCODE / f"{n}.java").is_file() is False]
    cwes = scan_files(scanner, [(n, root / TESTCODE / f"{n}.java", "java") for n, _, _ in present])
    tests = [{"test": n, "category": c, "vulnerable": t, "flagged": bool(cwes[n] & FAMILIES[c]),
              "cwes": sorted(cwes[n])} for n, c, t in present]
    return {"tests": tests, "missing": missing, "per_class": per_class, "seed": seed,
            "categories": owasp_scores(tests)}


def owasp_scores(tests: list[dict]) -> dict:
    out = {}
    for cat in sorted({t["category"] for t in tests}):
        vuln = [t for t in tests if t["category"] == cat and t["vulnerable"]]
        safe = [t for t in tests if t["category"] == cat and not t["vulnerable"]]
        tpr = sum(t["flagged"] for t in vuln) / len(vuln) if vuln else 0.0
        fpr = sum(t["flagged"] for t in safe) / len(safe) if safe else 0.0
        out[cat] = {"vulnerable": len(vuln), "safe": len(safe), "tpr": tpr, "fpr": fpr, "score": tpr - fpr}
    return out


def securityeval_samples(root: Path) -> list[tuple[str, int, Path | str]]:
    folder = root / "Testcases_Insecure_Code"
    if folder.is_dir():
        return [(f"{p.parent.name}_{p.name}", _cwe_of(p.parent.name), p) for p in sorted(folder.glob("CWE-*/*.py"))]
    samples = []
    for line in (root / "dataset.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            code = item.get("Insecure_code") or item.get("Canonical_solution") or ""
            samples.append((item["ID"], _cwe_of(item["ID"]), code))
    return sorted(samples, key=lambda s: s[0])


def _cwe_of(name: str) -> int:
    match = re.match(r"CWE-0*(\d+)", name)
    if not match:
        raise SystemExit(f"no CWE in the sample name {name!r}")
    return int(match.group(1))


def run_securityeval(scanner, root: Path, scratch: Path) -> dict:
    files = []
    for sid, _, src in securityeval_samples(root):
        if isinstance(src, str):  # a dataset.jsonl entry: scanned from a file of its own
            path = scratch / sid.replace("/", "_")
            path.write_text(src, encoding="utf-8")
            src = path
        files.append((sid, src, "python"))
    cwes = scan_files(scanner, files)
    samples = []
    for sid, cwe, _ in securityeval_samples(root):
        family = next((f for f in SE_FAMILIES if cwe in f), {cwe})
        found = cwes[sid]
        samples.append({"id": sid, "cwe": cwe, "flagged": bool(found), "exact": cwe in found,
                        "family": bool(found & family), "cwes": sorted(found)})
    n = len(samples) or 1
    summary = {k: sum(s[k] for s in samples) / n for k in ("flagged", "exact", "family")}
    return {"samples": samples, "count": len(samples), **summary}


def sard_cases(root: Path) -> list[tuple[str, int, bool, list[Path]]]:
    """(case, CWE, bad?, source files) for each SARIF manifest under root."""
    cases = []
    for manifest in sorted(root.glob("*/manifest.sarif")):
        run = json.loads(manifest.read_text(encoding="utf-8"))["runs"][0]
        state = run.get("properties", {}).get("state", "")
        rule = next((r.get("ruleId", "") for r in run.get("results", [])), "")
        files = sorted(p for p in (manifest.parent / "src").rglob("*") if p.is_file())
        if state in ("good", "bad") and files:
            cases.append((manifest.parent.name, _cwe_of(rule), state == "bad", files))
    return cases


def run_sard(scanner, root: Path) -> dict:
    cases = sard_cases(root)
    files = [(f"{name}/{i}", path, "php") for name, _, _, paths in cases for i, path in enumerate(paths)]
    cwes = scan_files(scanner, files)
    tests = []
    for name, cwe, bad, paths in cases:
        found = set().union(*(cwes[f"{name}/{i}"] for i in range(len(paths))))
        family = next((f for f in SE_FAMILIES if cwe in f), {cwe})
        tests.append({"test": name, "category": f"CWE-{cwe}", "vulnerable": bad, "flagged": bool(found & family),
                      "cwes": sorted(found)})
    return {"tests": tests, "missing": [], "categories": owasp_scores(tests)}


def juliet_split(text: str, omit: str) -> str:
    """The file as Juliet's build sees it with -D`omit` (OMITGOOD or OMITBAD): every
    `#ifndef omit` block dropped, nested conditionals kept in step, line count kept."""
    out, depth, skipping_at = [], 0, None
    for line in text.splitlines():
        word = line.strip().split()
        directive = word[0] if word else ""
        if directive in ("#if", "#ifdef", "#ifndef"):
            depth += 1
            if skipping_at is None and directive == "#ifndef" and word[1:2] == [omit]:
                skipping_at = depth
        keep = skipping_at is None
        if directive == "#endif":
            if skipping_at == depth:
                skipping_at, keep = None, False
            depth -= 1
        out.append(line if keep else "")
    return "\n".join(out) + "\n"


def juliet_cases(root: Path) -> list[tuple[str, int, Path, str, str]]:
    """(case, CWE, file, bad text, good text) for each Juliet case under root: a source file with
    both a bad and a good part, or a pair already split by the build (`X_omitgood.c` holds the bad
    part, `X_omitbad.c` the good part)."""
    cases = []
    for path in sorted([*root.rglob("CWE*.c"), *root.rglob("CWE*.cpp")]):
        cwe = int(re.match(r"CWE(\d+)", path.name).group(1))
        if path.stem.endswith("_omitgood"):
            good = path.with_name(path.name.replace("_omitgood", "_omitbad"))
            if good.is_file():
                cases.append((path.stem[: -len("_omitgood")], cwe, path, _read(path), _read(good)))
            continue
        text = _read(path)
        if path.stem.endswith("_omitbad"):
            continue
        if "OMITBAD" in text and "OMITGOOD" in text:
            cases.append((path.stem, cwe, path, juliet_split(text, "OMITGOOD"), juliet_split(text, "OMITBAD")))
        elif (parts := juliet_split_unguarded(text)) is not None:
            cases.append((path.stem, cwe, path, *parts))
    return cases


_TOP_DEF = re.compile(r"^(?:static\s+)?[A-Za-z_][\w\s\*]*?\b(\w+)\s*\(")


def juliet_split_unguarded(text: str) -> tuple[str, str] | None:
    """(bad text, good text) of a Juliet file whose OMITBAD/OMITGOOD guards were stripped (some
    public copies do that): the bad part runs from the first top-level definition whose name has
    `bad` to the first one after it whose name has `good`, the good part from there to
    `#ifdef INCLUDEMAIN`; each side blanks the other part's lines, line count kept."""
    lines = text.splitlines()
    bad_at = good_at = None
    for i, line in enumerate(lines):
        match = _TOP_DEF.match(line)
        if not match or line.startswith(("#", "/", " ", "\t", "{", "}")):
            continue
        name = match.group(1).lower()
        if bad_at is None and "bad" in name:
            bad_at = i
        elif bad_at is not None and "good" in name:
            good_at = i
            break
    if bad_at is None or good_at is None:
        return None
    while good_at > bad_at + 1 and lines[good_at - 1].lstrip().startswith(("/*", "*")):
        good_at -= 1  # the good function's own leading comment goes with it
    main_at = next((i for i, line in enumerate(lines) if line.strip() == "#ifdef INCLUDEMAIN"), len(lines))
    bad = lines[:good_at] + [""] * (main_at - good_at) + lines[main_at:]
    good = lines[:bad_at] + [""] * (good_at - bad_at) + lines[good_at:]
    return "\n".join(bad) + "\n", "\n".join(good) + "\n"


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def run_juliet(scanner, root: Path, scratch: Path) -> dict:
    cases = juliet_cases(root)
    files = []
    for name, _, path, bad, good in cases:
        for kind, text in (("bad", bad), ("good", good)):
            split = scratch / kind / f"{name}{path.suffix}"
            split.parent.mkdir(parents=True, exist_ok=True)
            split.write_text(text, encoding="utf-8")
            files.append((f"{name}/{kind}", split, "cpp" if path.suffix == ".cpp" else "c"))
    cwes = scan_files(scanner, files)
    tests = []
    for name, cwe, _, _, _ in cases:
        family = next((f for f in JULIET_FAMILIES if cwe in f), {cwe})
        for kind in ("bad", "good"):
            found = cwes[f"{name}/{kind}"]
            tests.append({"test": f"{name} ({kind})", "category": f"CWE-{cwe}", "vulnerable": kind == "bad",
                          "flagged": bool(found & family), "cwes": sorted(found)})
    return {"tests": tests, "missing": [], "categories": owasp_scores(tests)}


def owasp_markdown(res: dict) -> str:
    cats = res["categories"]
    lines = ["| category | cases (vuln/safe) | TPR | FPR | score |", "|---|---|---|---|---|"]
    for cat, r in cats.items():
        lines.append(f"| {cat} | {r['vulnerable']}/{r['safe']} | {r['tpr']:.2f} | {r['fpr']:.2f} | {r['score']:+.2f} |")
    tests = res["tests"]
    vuln = [t for t in tests if t["vulnerable"]]
    safe = [t for t in tests if not t["vulnerable"]]
    tpr = sum(t["flagged"] for t in vuln) / max(1, len(vuln))
    fpr = sum(t["flagged"] for t in safe) / max(1, len(safe))
    mean = sum(r["score"] for r in cats.values()) / max(1, len(cats))
    lines.append(f"| **all (pooled)** | {len(vuln)}/{len(safe)} | {tpr:.2f} | {fpr:.2f} | {tpr - fpr:+.2f} |")
    lines.append(f"| **mean of categories** | | | | {mean:+.2f} |")
    if res["missing"]:
        lines.append(f"\nnot in the checkout (left out): {', '.join(res['missing'])}")
    lines.append("\n| test | category | real vulnerability | flagged | CWEs found |\n|---|---|---|---|---|")
    for t in tests:
        lines.append(f"| {t['test']} | {t['category']} | {t['vulnerable']} | {t['flagged']} | "
                     f"{', '.join(map(str, t['cwes'])) or '-'} |")
    return "\n".join(lines)


def securityeval_markdown(res: dict) -> str:
    lines = [f"{res['count']} samples: flagged {res['flagged']:.0%}, exact CWE {res['exact']:.0%}, "
             f"CWE family {res['family']:.0%}", "", "| sample | flagged | exact | family | CWEs found |",
             "|---|---|---|---|---|"]
    for s in res["samples"]:
        lines.append(f"| {s['id']} | {s['flagged']} | {s['exact']} | {s['family']} | "
                     f"{', '.join(map(str, s['cwes'])) or '-'} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--owasp", type=Path, help="a BenchmarkJava checkout the user provides")
    parser.add_argument("--owasp-csv", default="expectedresults-1.2.csv", help="expected results, in the checkout")
    parser.add_argument("--per-class", type=int, default=9, help="true and false cases per category")
    parser.add_argument("--seed", type=int, default=None, help="draw the sample at random with this seed")
    parser.add_argument("--securityeval", type=Path, help="a SecurityEval checkout the user provides")
    parser.add_argument("--sard", type=Path, help="a folder of SARD cases (manifest.sarif each) the user provides")
    parser.add_argument("--juliet", type=Path, help="a folder of Juliet C/C++ test case files the user provides")
    parser.add_argument("--package-from", type=Path, help="import codewhisperer_lsp from this source tree")
    parser.add_argument("--json", type=Path, help="also write the outcomes here")
    args = parser.parse_args(argv)
    if not (args.owasp or args.securityeval or args.sard or args.juliet):
        parser.error("give --owasp, --securityeval, --sard and/or --juliet")
    if args.package_from:
        sys.path.insert(0, str(args.package_from.resolve()))
    import codewhisperer_lsp
    print(f"package: {Path(codewhisperer_lsp.__file__).parent}", file=sys.stderr)
    scanner = _scanner()
    out = {}
    if args.owasp:
        out["owasp"] = run_owasp(scanner, args.owasp, args.owasp_csv, args.per_class, args.seed)
        print("## OWASP Benchmark Java 1.2\n\n" + owasp_markdown(out["owasp"]) + "\n")
    if args.securityeval:
        import tempfile
        with tempfile.TemporaryDirectory() as scratch:
            out["securityeval"] = run_securityeval(scanner, args.securityeval, Path(scratch))
        print("## SecurityEval (insecure samples)\n\n" + securityeval_markdown(out["securityeval"]) + "\n")
    if args.sard:
        out["sard"] = run_sard(scanner, args.sard)
        print("## SARD\n\n" + owasp_markdown(out["sard"]) + "\n")
    if args.juliet:
        import tempfile
        with tempfile.TemporaryDirectory() as scratch:
            out["juliet"] = run_juliet(scanner, args.juliet, Path(scratch))
        print("## Juliet C/C++\n\n" + owasp_markdown(out["juliet"]) + "\n")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
