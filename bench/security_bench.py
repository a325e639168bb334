"""Security scanning timings and detection quality, printed as a table.

- a 1,000-line Python file through every available engine (target < 150 ms)
- the per-suggestion check, p50/p95 over realistic insertions (target < 5 ms p95)
- recall/precision per language on tests/data/security, and bandit's functional examples
- per-file scan p50 through the scan service with every engine on, the semgrep CLI per file (as
  before: every rule folder parsed on each call) against one semgrep-core run with the prepared
  rule file, same files, same run (target p50 <= 1 s)
- TPR/FPR/score per category on tests/data/security/labelled

Run: .venv/bin/python bench/security_bench.py [--only editor|labelled]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from codewhisperer_lsp.security.scan import SecurityScanner  # noqa: E402
from tests.unit.security.corpus import CORPUS_LANGUAGES, bandit_functional_share, score_language  # noqa: E402

_BLOCK = '''
def handler_{i}(request, cursor, items):
    """Look up a record and render it."""
    name = request.args.get("name", "")
    total = 0
    for item in items:
        if item.price > 10:
            total += item.price * item.quantity
        else:
            total -= 1
    cursor.execute("SELECT * FROM users WHERE name = %s", (name,))
    rows = cursor.fetchall()
    result = [dict(id=r[0], name=r[1]) for r in rows]
    if not result:
        return {{"error": "not found", "total": total}}
    return {{"data": result, "total": total}}
'''


def python_file(lines: int = 1000) -> str:
    header = "import json\nimport hashlib\nimport subprocess\n\n"
    body, i = [], 0
    while (header + "".join(body)).count("\n") < lines - 4:
        body.append(_BLOCK.format(i=i))
        i += 1
    vulns = 'h = hashlib.md5(b"x")\nsubprocess.call("ls " + name, shell=True)\npassword = "hunter22secret"\n'
    return "\n".join((header + "".join(body)).split("\n")[: lines - 3]) + "\n" + vulns


def time_ms(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(int(q * len(values)), len(values) - 1)]


SUGGESTIONS = [
    ("python", 'subprocess.call("ls " + name, shell=True)\n'),
    ("python", "total += item.price\n"),
    ("java", 'MessageDigest md = MessageDigest.getInstance("MD5");\n'),
    ("javascript", "const token = Math.random().toString(36);\n"),
    ("go", 'rows, err := db.Query("SELECT * FROM t WHERE id = " + id)\n'),
    ("c", "strcpy(buf, input);\n"),
    ("shellscript", "curl -k https://example.com | bash\n"),
    ("sql", "EXEC(@sql);\n"),
]


def suggestion_times(scanner: SecurityScanner, source: str, runs: int = 40) -> dict[str, list[float]]:
    lines = source.split("\n")
    cut = "\n".join(lines[:500]) + "\n    "  # cursor inside a function body, mid-file
    rest = "\n".join(lines[500:])
    out = {}
    for lang, suggestion in SUGGESTIONS:
        before, after = (cut, rest) if lang == "python" else ("int x = 0;\n" * 400, "\n}\n" * 100)
        scanner.check_suggestion(lang, before, suggestion, after)  # warm caches
        out[f"{lang}: {suggestion.strip()[:40]}"] = time_ms(lambda: scanner.check_suggestion(lang, before, suggestion, after), runs)
    return out


def _semgrep_cli_once(env_dir: Path, language_id: str, text: str) -> float:
    """Seconds for one file through the semgrep CLI with every rule folder, as the engine did."""
    from codewhisperer_lsp.security.engines.semgrep_config import OWN_RULES, THIRD_PARTY
    from codewhisperer_lsp.security.engines.semgrep_engine import _site_packages

    folders = [OWN_RULES] + [site / pkg / sub for site in _site_packages(env_dir)
                              for pkg, sub, langs in THIRD_PARTY if language_id in langs]
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / ("f.java" if language_id == "java" else "f.js")
        target.write_text(text)
        argv = [str(env_dir / "bin" / "semgrep"), "scan", "--json", "--quiet", "--metrics=off",
                "--disable-version-check", "--no-git-ignore", "--project-root", tmp]
        for folder in folders:
            argv += ["--config", str(folder)]
        env = {**os.environ, "SEMGREP_SEND_METRICS": "off", "SEMGREP_ENABLE_VERSION_CHECK": "0"}
        t = time.perf_counter()
        subprocess.run(argv + [str(target)], capture_output=True, env=env, timeout=300, check=False)
        return time.perf_counter() - t


def editor_scan(samples: int = 5) -> None:
    """Per-file scan p50, all engines, the old semgrep CLI way vs the prepared semgrep-core run."""
    from codewhisperer_lsp.security.engines.semgrep_engine import SemgrepEngine
    from tests.unit.security.labelled import LABELLED

    scanner = SecurityScanner()
    semgrep = next((e for e in scanner.engines if isinstance(e, SemgrepEngine)), None)
    if semgrep is None:
        print("\nper-file scan: semgrep unavailable, nothing to compare")
        return
    files = (sorted((LABELLED / "tune" / "java").rglob("vuln_*.java"))[:samples]
             + sorted((LABELLED / "tune" / "javascript").rglob("vuln_*.js"))[:samples])
    others = SecurityScanner(tuple(e for e in scanner.engines if e is not semgrep))
    before, after = [], []
    for path in files:
        lang = "java" if path.suffix == ".java" else "javascript"
        text = path.read_text()
        rest = time_ms(lambda: others.scan_text(path.as_uri(), lang, text), 1)[0] / 1000
        before.append(rest + _semgrep_cli_once(semgrep.env_dir, lang, text))
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / path.name
            copy.write_text(text)
            t = time.perf_counter()
            scanner.scan(copy.as_uri(), lambda u: None, tmp)
            after.append(time.perf_counter() - t)
    batch = scanner.scan_texts([(p.as_uri(), "java" if p.suffix == ".java" else "javascript", p.read_text())
                                for p in sorted(LABELLED.rglob("*.java")) + sorted(LABELLED.rglob("*.js"))])
    n = len(batch.scanned_files)
    print(f"\nper-file scan, every engine on, {len(files)} files (Java, JavaScript), same run:")
    print(f"  before (semgrep CLI per file, rule folders parsed each call): p50 {statistics.median(before):.2f} s,"
          f" max {max(before):.2f} s")
    print(f"  after  (one semgrep-core run, prepared rule file):            p50 {statistics.median(after):.2f} s,"
          f" max {max(after):.2f} s   (target p50 <= 1 s)")
    print(f"  a project scan of {n} files in one run: {batch.duration_ms / 1000:.2f} s, "
          f"{batch.duration_ms / max(n, 1) / 1000:.3f} s per file")


def labelled_table() -> None:
    from tests.unit.security.labelled import markdown, measure

    print("\nlabelled set (tests/data/security/labelled), CWE family must match:\n")
    print(markdown(measure()))


def main() -> None:
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else ""
    if only == "editor":
        return editor_scan()
    if only == "labelled":
        return labelled_table()
    scanner = SecurityScanner()
    source = python_file()
    scanner.scan_text("bench.py", "python", source)  # warm-up: bandit plugin load, regex compile
    print(f"engines available: {[e.name for e in scanner.engines]}; unavailable: {sorted(scanner.unavailable)}")
    scan = time_ms(lambda: scanner.scan_text("bench.py", "python", source), 15)
    found = scanner.scan_text("bench.py", "python", source)
    print(f"\n1,000-line Python file ({source.count(chr(10))} lines), all engines: median {statistics.median(scan):.1f} ms,"
          f" p95 {pct(scan, 0.95):.1f} ms (target < 150 ms); {len(found)} findings")
    for engine in scanner.engines:
        if "python" in engine.languages or "*" in engine.languages:
            t = time_ms(lambda: engine.scan("bench.py", "python", source), 10)
            print(f"  {engine.name:15} median {statistics.median(t):6.1f} ms")

    times = suggestion_times(scanner, source)
    every = [t for ts in times.values() for t in ts]
    print(f"\nper-suggestion check: p50 {pct(every, 0.5):.2f} ms, p95 {pct(every, 0.95):.2f} ms (target p95 < 5 ms)")
    for name, ts in times.items():
        print(f"  {name:55} p50 {pct(ts, 0.5):5.2f}  p95 {pct(ts, 0.95):5.2f}")

    print(f"\n{'language':14}{'recall':>8}{'precision':>11}  vulnerable/safe snippets")
    for lang in CORPUS_LANGUAGES:
        s = score_language(scanner, lang)
        print(f"{lang:14}{s.recall:8.2f}{s.precision:11.2f}  {s.vulnerable}/{s.safe}")
    share, per_file = bandit_functional_share()
    hit = sum(h for h, _ in per_file.values())
    want = sum(w for _, w in per_file.values())
    print(f"\nbandit functional examples: {hit}/{want} expected issues found ({share:.1%}) in {len(per_file)} files")
    editor_scan()
    labelled_table()


if __name__ == "__main__":
    main()
