"""Benchmark: incremental edit vs fresh parse, and cursor analysis, on 2,000-line files.

Run: .venv/bin/python bench/context_bench.py
Prints median times and the fresh/incremental ratio measured in the same run, for Python
(whose indentation scanner limits tree reuse) and JavaScript.
"""

from __future__ import annotations

import statistics
import time

from codewhisperer_lsp.context.cursor import analyze
from codewhisperer_lsp.context.documents import DocumentTree
from codewhisperer_lsp.context.languages import new_parser

TEMPLATES = {
    "python": ('''def function_{i}(items, limit=10):
    """Return the first items above the limit. 😀"""
    result = []
    for item in items:
        if item > limit:
            result.append(item * {i})
    return result

''', "    return result"),
    "javascript": ('''function function{i}(items, limit = 10) {{
  // Return the items above the limit. 😀
  const result = [];
  for (const item of items) {{
    if (item > limit) {{
      result.push(item * {i});
    }}
  }}
  return result;
}}

''', "  return result;"),
}


def source(language: str, lines: int = 2000) -> str:
    template = TEMPLATES[language][0]
    return "".join(template.format(i=i) for i in range(lines // template.count("\n") + 1))


def median_ms(action, repeat: int = 30) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def bench(language: str) -> None:
    text = source(language)
    doc = DocumentTree(f"file:///bench.{language}", language, text, 1)
    lines = text.split("\n")
    # a realistic keystroke mid-file: typing one character at the end of `result`
    row = next(i for i in range(len(lines) // 2, len(lines)) if lines[i] == TEMPLATES[language][1])
    column = len("    return result") if language == "python" else len("  return result")
    parser = new_parser(language)
    versions = iter(range(2, 10**6))

    def edit() -> None:  # type one character and delete it again: two incremental reparses
        doc.apply_change(((row, column), (row, column)), "s", next(versions))
        doc.apply_change(((row, column), (row, column + 1)), "", next(versions))

    fresh = median_ms(lambda: parser.parse(doc.text.encode("utf-8")))
    incremental = median_ms(edit) / 2
    cursor = median_ms(lambda: analyze(doc, row - 1, 12))
    print(f"{language}: {len(lines)} lines, {len(text)} chars")
    print(f"  fresh parse          {fresh:8.3f} ms")
    print(f"  incremental edit     {incremental:8.3f} ms  (fresh/incremental = {fresh / incremental:.1f}x)")
    print(f"  analyze at cursor    {cursor:8.3f} ms")


def main() -> None:
    for language in TEMPLATES:
        bench(language)


if __name__ == "__main__":
    main()
