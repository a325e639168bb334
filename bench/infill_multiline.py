"""Multi-line infilling (spans of 2-4 lines of humaneval-x's canonical solutions), the server
beside the bare model, tests executed.

    python bench/infill_multiline.py --part report --languages python,java,js --per-language 8

* tasks: every span of 2-4 consecutive lines of a canonical solution whose first and last lines
  are not blank, from the problems of one part of the committed split (bench/split.py);
  --per-language spans per language drawn with random.Random("<seed>:<language>").
* server: line by line, as a user accepts a suggestion and opens the next line: the span emptied,
  a new line opened at the indentation of the span's next line (the single-line bench's
  convention), a manual trigger, the first item's first line accepted; as many lines as the span
  has, stopping early when the server offers nothing.
* --protocols block (beside or instead of `lines`, the line-by-line one above): one manual trigger
  on the span's first line opened at its indentation, the first item taken whole (the server
  offering the block it would write there, completion/continuation.py, turned on for the run; it
  is off by default, and on for the `lines` protocol too when both run): `server_block` its lines cut
  to the span's number of lines (as the bare model's are), `server_block_own` its lines as the
  server ended them (what a user accepting the whole item gets).
* bare: the same weights, the standard fill-in-the-middle prompt (text before the span, text after
  it), greedy, 128 new tokens at most; its middle cut to the span's number of lines (a leading
  line break dropped), so both sides write the same number of lines.

Scores: exact match (every line equal after stripping), edit similarity of the lines joined
(stripped), and tests passed (the lines substituted, humaneval-x's tests run as in
bench/infill_bench.py). Results go to --out (JSON, rewritten after every task), a table to stdout.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import infill_bench as single  # noqa: E402
from bench import split as splits  # noqa: E402

BARE_TOKENS = 128
SPAN_LINES = (2, 3, 4)


@dataclasses.dataclass(frozen=True)
class Span:
    language: str
    task_id: str
    row: int  # the span's first line in the canonical solution
    before: str  # the document up to the span's first line
    lines: tuple[str, ...]  # the masked lines
    after: str  # the document from the end of the span (starts with its newline)
    problem: dict = dataclasses.field(compare=False, repr=False)

    def document(self, lines: list[str]) -> str:
        return self.before + "\n".join(lines) + self.after


def spans_of(language: str, problem: dict) -> list[Span]:
    head, lines = single.head_of(language, problem), problem["canonical_solution"].split("\n")
    out = []
    for row in range(len(lines)):
        for size in SPAN_LINES:
            end = row + size
            if end > len(lines) or not lines[row].strip() or not lines[end - 1].strip():
                continue
            before = head + "\n".join(lines[:row]) + ("\n" if row else "")
            out.append(Span(language, problem["task_id"], row, before, tuple(lines[row:end]),
                            "\n" + "\n".join(lines[end:]), problem))
    return out


def sample(dataset: Path, languages: list[str], part: str, per_language: int, seed: int) -> list[Span]:
    split = splits.load()
    chosen = []
    for language in languages:
        every = [span for problem in single.read_language(dataset, language)
                 if splits.in_part(problem["task_id"], part, split) for span in spans_of(language, problem)]
        rng = random.Random(f"{seed}:{language}")
        chosen += rng.sample(every, min(per_language, len(every))) if per_language else every
    return chosen


def lines_exact(written: list[str], expected: tuple[str, ...]) -> bool:
    return len(written) == len(expected) and all(single.exact(a, b) for a, b in zip(written, expected))


def joined(lines) -> str:
    return "\n".join(line.strip() for line in lines)


def bare_lines(middle: str, count: int) -> list[str]:
    """The bare model's middle as the span's lines: a leading line break dropped, `count` lines at most."""
    if middle.startswith("\n"):
        middle = middle[1:]
    return middle.split("\n")[:count]


def block_lines(item: str, indent: str) -> list[str]:
    """A block item as document lines: its first line goes after the indentation the cursor stands at."""
    rows = item.split("\n")
    return [indent + rows[0]] + rows[1:]


def score(tester: single.Tester, span: Span, written: list[str], seconds: float, tests: bool) -> dict:
    row = {"lines": written, "exact": lines_exact(written, span.lines),
           "es": round(single.edit_similarity(joined(written), joined(span.lines)), 4), "seconds": round(seconds, 3)}
    if tests:
        row["tests"] = tester.passes_document(span, span.document(written))
    return row


class MultiSides(single.Sides):
    def bare_span(self, span: Span) -> tuple[list[str], float]:
        from codewhisperer_lsp.model.runtime import Sampling

        self.generator.cache.clear()
        started = time.monotonic()
        text = self.spec.fim_template.format(prefix=span.before, suffix=span.after[1:])
        generation = self.generator.generate(self.generator.encode(text), Sampling(max_new_tokens=BARE_TOKENS),
                                             set(self.spec.stop_token_ids),
                                             stop_text=lambda out: out.lstrip("\n").count("\n") >= len(span.lines))
        return bare_lines(generation.text, len(span.lines)), time.monotonic() - started

    def server_span(self, span: Span, uri: str) -> tuple[list[str], float]:
        from codewhisperer_lsp.completion.service import CompletionRequest

        written: list[str] = []
        seconds = 0.0
        self.generator.cache.clear()
        self.service.forget(uri)
        for line in span.lines:
            indent = line[: len(line) - len(line.lstrip())]
            before = span.before + "".join(row + "\n" for row in written)
            request = CompletionRequest(uri, single.LANGUAGES[span.language][0], before + indent + span.after, 1,
                                        len(before + indent), invoked=True)
            started = time.monotonic()
            result = self.service.complete(request, self.settings)
            seconds += time.monotonic() - started
            if not result.items or not single.first_line(result.items[0]).strip():
                break
            written.append(indent + single.first_line(result.items[0]))
        return written, seconds

    def server_block(self, span: Span, uri: str) -> tuple[list[str], float]:
        """One manual trigger on the span's first line: the first item's lines, as offered."""
        from codewhisperer_lsp.completion.service import CompletionRequest

        self.generator.cache.clear()
        self.service.forget(uri)
        first = span.lines[0]
        indent = first[: len(first) - len(first.lstrip())]
        request = CompletionRequest(uri, single.LANGUAGES[span.language][0], span.before + indent + span.after, 1,
                                    len(span.before + indent), invoked=True)
        started = time.monotonic()
        result = self.service.complete(request, self.settings)
        seconds = time.monotonic() - started
        if not result.items or not result.items[0].strip():
            return [], seconds
        return block_lines(result.items[0], indent), seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", default=None, help="the humaneval-x folder (default: $%s)" % splits.DATASET_ENV)
    parser.add_argument("--part", choices=("tune", "report", "all"), default="report")
    parser.add_argument("--languages", default="python,java,js")
    parser.add_argument("--per-language", type=int, default=8)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--protocols", default="lines", help="the server's: lines (line by line), block, or both")
    parser.add_argument("--model", default="")
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    languages = [name.strip() for name in args.languages.split(",") if name.strip()]
    protocols = [name.strip() for name in args.protocols.split(",") if name.strip()]
    if not protocols or set(protocols) - {"lines", "block"}:
        parser.error("--protocols: lines, block, or lines,block")
    sides = (["server"] if "lines" in protocols else []) + \
        (["server_block", "server_block_own"] if "block" in protocols else []) + ["bare"]
    for name in languages:
        if name not in single.LANGUAGES:
            parser.error(f"unknown language {name}: one of {', '.join(single.LANGUAGES)}")
    spans = sample(splits.dataset_dir(args.dataset), languages, args.part, args.per_language, args.seed)
    tester = single.Tester(args.timeout)
    started = time.monotonic()
    model = MultiSides(args.model, args.threads)
    model.service.blocks = "block" in protocols  # the block answer is off by default (continuation.py)
    config = {"protocols": protocols, "part": args.part, "per_language": args.per_language, "seed": args.seed, "languages": languages,
              "model": model.status, "spans": len(spans),
              "server": "line by line, manual trigger, first item, as many lines as the span",
              "server_block": "one manual trigger, the first item's lines cut to the span's count",
              "server_block_own": "one manual trigger, the first item's lines as the server ended them",
              "bare": f"standard FIM prompt, greedy, {BARE_TOKENS} tokens, cut to the span's lines"}
    rows: list[dict] = []
    for index, span in enumerate(spans):
        tests = tester.available(span.language) and tester.passes_document(span, span.document(list(span.lines)))
        row = {"language": span.language, "task_id": span.task_id, "row": span.row,
               "expected": [line.strip() for line in span.lines]}
        uri = f"file:///project/m{index}{single.LANGUAGES[span.language][1]}"
        if "lines" in protocols:
            written, seconds = model.server_span(span, uri)
            row["server"] = score(tester, span, written, seconds, tests)
        if "block" in protocols:
            written, seconds = model.server_block(span, uri)
            row["server_block"] = score(tester, span, written[:len(span.lines)], seconds, tests)
            row["server_block_own"] = score(tester, span, written, seconds, tests)
        written, seconds = model.bare_span(span)
        row["bare"] = score(tester, span, written, seconds, tests)
        rows.append(row)
        print(f"{index + 1}/{len(spans)} {span.task_id} rows {span.row}+{len(span.lines)}: "
              + " ".join(f"{side}={row[side]['exact']:d}/{row[side].get('tests', '-')}" for side in sides),
              file=sys.stderr, flush=True)
        if args.out:
            config["seconds"] = round(time.monotonic() - started)
            Path(args.out).write_text(json.dumps({"config": config, "summary": single.summary(rows, sides),
                                                  "rows": rows}, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(config))
    print(single.table(single.summary(rows, sides), sides))
    return 0


if __name__ == "__main__":
    sys.exit(main())
