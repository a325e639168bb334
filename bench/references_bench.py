"""Benchmark of the reference tracker on this environment's own corpus.

Builds the full index (stdlib + installed distributions of the running interpreter) in
a temporary cache, then measures recall on snippets copied from indexed files
(verbatim, and with renamed locals plus changed whitespace), false matches on fresh
code, and lookup latency. Prints a table. Run:

    .venv/bin/python bench/references_bench.py [--snippets 60] [--keep DIR]
"""

from __future__ import annotations

import argparse
import builtins
import hashlib
import keyword
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from references_fresh import FRESH_SNIPPETS  # noqa: E402

from codewhisperer_lsp.references import lexer  # noqa: E402
from codewhisperer_lsp.references.index import DB_NAME, ReferenceIndex  # noqa: E402

SNIPPET_LINES = 10
_PROTECTED = set(keyword.kwlist) | set(dir(builtins)) | {"self", "cls"}


def build(cache: Path) -> tuple[ReferenceIndex, float]:
    index = ReferenceIndex(cache, workers=2)
    started = time.perf_counter()
    index.build().join()
    return index, time.perf_counter() - started


def indexed_files(cache: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(f"file:{cache / DB_NAME}?mode=ro", uri=True)
    rows = conn.execute("SELECT path, license FROM files WHERE path LIKE '%.py' ORDER BY id").fetchall()
    conn.close()
    return rows


def sample_snippets(files, count: int, rng: random.Random) -> list[tuple[str, str, str]]:
    """(path, license, text) of 10-line windows with 50..400 lexemes, one per file."""
    out = []
    for path, license_ in rng.sample(files, len(files)):
        lines = Path(path).read_text(encoding="utf-8", errors="replace").split("\n")
        if len(lines) < SNIPPET_LINES + 2:
            continue
        start = rng.randrange(0, len(lines) - SNIPPET_LINES)
        text = "\n".join(lines[start:start + SNIPPET_LINES])
        if 50 <= len(lexer.lex(text)) <= 400:
            out.append((path, license_, text))
        if len(out) == count:
            break
    return out


def local_names(text: str) -> list[str]:
    """Names bound in the snippet: assignment and loop targets, parameters."""
    names = re.findall(r"^\s*([A-Za-z_]\w*)\s*=(?!=)", text, re.M)
    names += re.findall(r"\bfor\s+([A-Za-z_]\w*)\s+in\b", text)
    for params in re.findall(r"\bdef\s+\w+\s*\(([^)]*)\)", text):
        names += [m for m in re.findall(r"(?:^|,)\s*\**([A-Za-z_]\w*)", params)]
    return [n for n in dict.fromkeys(names) if n not in _PROTECTED]


def rename_and_reflow(text: str) -> tuple[str, int]:
    """Rename bound locals consistently, halve indentation, tighten ' = '."""
    names = local_names(text)
    for i, name in enumerate(names):
        text = re.sub(rf"(?<![\w.]){re.escape(name)}\b", f"renamed_{i}_var", text)
    text = re.sub(r"^( +)", lambda m: " " * (len(m.group(1)) // 2), text, flags=re.M)
    return text.replace(" = ", "="), len(names)


def same_file(a: str, b: str) -> bool:
    if a == b:
        return True
    digest = lambda p: hashlib.sha256(Path(p).read_bytes()).hexdigest()  # noqa: E731
    try:
        return digest(a) == digest(b)
    except OSError:
        return False


def contains(path: str, text: str) -> bool:
    """The file holds the snippet's lexemes verbatim (an identical copy elsewhere)."""
    try:
        source = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    needle = " ".join(lx.text for lx in lexer.lex(text))
    return needle in " ".join(lx.text for lx in lexer.lex(source))


def run_queries(index, snippets, original=None):
    """(right file+license, right or identical-copy file+license, latencies in ms)."""
    strict = lenient = 0
    latencies = []
    for n, (path, license_, text) in enumerate(snippets):
        started = time.perf_counter()
        refs = index.find_references(text)
        latencies.append((time.perf_counter() - started) * 1000)
        licensed = [r for r in refs if r.license_name == license_]
        if any(same_file(r.path, path) for r in licensed):
            strict += 1
            lenient += 1
        elif any(contains(r.path, original[n] if original else text) for r in licensed):
            lenient += 1
    return strict, lenient, latencies


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--snippets", type=int, default=60)
    parser.add_argument("--keep", type=Path, default=None, help="reuse/keep the index in this folder")
    args = parser.parse_args(argv)
    cache = args.keep or Path(tempfile.mkdtemp(prefix="refbench-"))
    index, build_s = build(cache)
    status = index.status()
    size_mb = sum(p.stat().st_size for p in cache.glob(DB_NAME + "*") if p.is_file()) / 1e6

    rng = random.Random(20240611)
    files = indexed_files(cache)
    verbatim = sample_snippets(files, args.snippets, rng)
    renamed, originals = [], []
    for path, license_, text in sample_snippets(files, args.snippets * 3, rng):
        new_text, n = rename_and_reflow(text)
        if n:
            renamed.append((path, license_, new_text))
            originals.append(text)
        if len(renamed) == args.snippets:
            break
    fresh = [("", "", text) for text in FRESH_SNIPPETS]

    v_hits, v_any, v_lat = run_queries(index, verbatim)
    r_hits, r_any, r_lat = run_queries(index, renamed, originals)
    f_refs, f_lat = 0, []
    for _, _, text in fresh:
        started = time.perf_counter()
        f_refs += bool(index.find_references(text))
        f_lat.append((time.perf_counter() - started) * 1000)
    accidental = [run for _, _, text in fresh for run in index.matcher.longest_runs(text)]
    latencies = v_lat + r_lat + f_lat

    print(f"corpus: {status['sources']} sources, {status['files']} files, {status['fingerprints']} fingerprints")
    print(f"build: {build_s:.1f} s with 2 workers; SQLite {size_mb:.1f} MB")
    print()
    head = ("set", "snippets", "right file", "rate", "or identical copy", "rate")
    print("{:<24}{:>9}{:>12}{:>8}{:>19}{:>8}".format(*head))
    for name, rows, hits, anyhit in (("verbatim", verbatim, v_hits, v_any),
                                     ("renamed + whitespace", renamed, r_hits, r_any)):
        n = max(1, len(rows))
        print(f"{name:<24}{len(rows):>9}{hits:>12}{hits / n:>8.1%}{anyhit:>19}{anyhit / n:>8.1%}")
    print(f"{'fresh: false matches':<24}{len(fresh):>9}{f_refs:>12}{f_refs / len(fresh):>8.1%}")
    print()
    print(f"lookup ms over {len(latencies)} queries: p50 {statistics.median(latencies):.2f}  "
          f"p95 {percentile(latencies, 0.95):.2f}  max {max(latencies):.2f}")
    print(f"fresh code's longest accidental run: exact {max([a['exact'] for a in accidental] or [0])}, "
          f"normalised {max([a['renamed'] for a in accidental] or [0])} lexemes "
          f"(thresholds {index.matcher.exact_min} / {index.matcher.renamed_min})")
    index.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
