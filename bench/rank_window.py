"""How many lines below the cursor a manual trigger's ranking should score (completion/rerank.py),
chosen on the tune part of humaneval-x.

    .venv/bin/python bench/rank_window.py --per-language 16 --seed 5 --out /tmp/rank.json
    .venv/bin/python bench/rank_window.py --analyse /tmp/rank.json [/tmp/rank2.json ...]

Collect: tune-part lines drawn per language (bench/infill_bench.py's tasks: the line emptied to
its indentation, a manual trigger through the completion service in process); for every request
the ranking step would rank, each cleaned candidate's per-token log-probabilities of the next
eight lines (at most 128 tokens) are computed once and stored with whether the candidate's first
line is the real one. Analyse: for each window (lines, tokens) and candidate pool, the candidate
with the highest sum over the window goes first; prints how often that is the exact line, per
language, and the tokens scored. Files from several draws are merged (a line counted once).
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import infill_bench as single  # noqa: E402
from bench import split as splits  # noqa: E402

LINES, TOKENS = 8, 128
WINDOWS = ((1, 64), (2, 32), (2, 64), (3, 32), (3, 64), (4, 16), (4, 32), (4, 64), (6, 64), (8, 128))


def collect(per_language: int, seed: int, out: Path) -> None:
    from codewhisperer_lsp.completion import rerank, service
    from codewhisperer_lsp.completion.service import CompletionRequest
    from codewhisperer_lsp.model import runtime

    tasks = single.sample(splits.dataset_dir(None), list(single.LANGUAGES), "tune", per_language, seed)
    sides = single.Sides("", 0)
    generator, captured, real_rank = sides.generator, {}, service.rank

    def spy(generator_, situation, request, cleaned, unhealed_before, ranking, *rest):
        captured.update(items=list(cleaned.items), origins={k: list(v) for k, v in cleaned.origins.items()},
                        before=unhealed_before(), suffix=situation.suffix, ranking=ranking)
        return real_rank(generator_, situation, request, cleaned, unhealed_before, ranking, *rest)

    def per_token(context: list[int], continuation: list[int]) -> list[float]:
        with generator._lock:
            first, _ = generator._prefill(list(context), lambda: False)
            rows = [first] + (list(generator._run(list(continuation[:-1]))) if len(continuation) > 1 else [])
        return [float(runtime._log_softmax(row)[token]) for row, token in zip(rows, continuation)]

    service.rank = spy
    rows = []
    for index, task in enumerate(tasks):
        captured.clear()
        uri = f"file:///rank/t{index}.{task.language}"
        generator.cache.clear()
        generator.state.truncate(0)
        sides.service.forget(uri)
        request = CompletionRequest(uri, single.LANGUAGES[task.language][0], task.document(task.indent), 1,
                                    len(task.before + task.indent), invoked=True)
        sides.service.complete(request, sides.settings)
        split = rerank.following(captured.get("suffix", ""))
        if not captured.get("ranking") or split is None or len(captured["items"]) < 2:
            continue
        lead, lines = split
        code_below = captured["suffix"].partition("\n")[2].lstrip("\n")
        continuation = generator.encode("\n".join(code_below.rstrip("\n").split("\n")[:LINES]) + "\n")[:TOKENS]
        ends, text = [], ""
        for token in continuation:
            text += generator.decode([token])
            ends.append(text.count("\n"))
        rows.append({"language": task.language, "task": task.task_id, "line": task.line, "lines_at": ends,
                     "candidates": [{"origins": captured["origins"][item],
                                     "exact": single.exact(task.indent + single.first_line(item), task.line),
                                     "logprobs": per_token(generator.encode(captured["before"] + item + lead),
                                                           continuation)} for item in captured["items"]]})
        out.write_text(json.dumps(rows))
        print(f"{index + 1}/{len(tasks)} {task.language}", file=sys.stderr, flush=True)


def window_sum(row: dict, candidate: dict, lines: int, tokens: int) -> tuple[float, int]:
    taken = 0
    for k in range(min(tokens, len(candidate["logprobs"]))):
        if row["lines_at"][k] > lines or (k and row["lines_at"][k - 1] >= lines):
            break
        taken = k + 1
    return sum(candidate["logprobs"][:taken]), taken


def analyse(paths: list[Path]) -> None:
    rows, seen = [], set()
    for path in paths:
        for row in json.loads(path.read_text()):
            if (row["task"], row["line"]) not in seen:
                seen.add((row["task"], row["line"]))
                rows.append(row)
    print(f"{len(rows)} ranked lines; an exact candidate among them: "
          f"{sum(any(c['exact'] for c in r['candidates']) for r in rows)}; the first attempt's answer exact: "
          f"{sum(r['candidates'][0]['exact'] for r in rows)}")
    pools = [("every attempt", None), ("without the other layout", "prefix-r0"), ("without the branch", "fim-r1")]
    for label, dropped in pools:
        for lines, tokens in (WINDOWS if dropped is None else ((2, 32), (4, 64))):
            hits, total, scored = collections.Counter(), collections.Counter(), 0
            for row in rows:
                pool = [c for c in row["candidates"] if c["origins"] != [dropped]]
                if not pool:
                    continue
                sums = [window_sum(row, c, lines, tokens) for c in pool]
                scored += sum(n for _, n in sums)
                best = max(range(len(pool)), key=lambda i: (sums[i][0], -i))
                hits[row["language"]] += pool[best]["exact"]
                total[row["language"]] += 1
            languages = " ".join(f"{lang} {hits[lang]}/{total[lang]}" for lang in sorted(total))
            print(f"{label:26s} {lines} lines, {tokens:3d} tokens: exact first {sum(hits.values()):3d}  "
                  f"({languages})  tokens scored {scored}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-language", type=int, default=16)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--analyse", type=Path, nargs="+")
    args = parser.parse_args()
    if args.analyse:
        analyse(args.analyse)
    elif args.out:
        collect(args.per_language, args.seed, args.out)
    else:
        parser.error("give --out (collect) or --analyse FILES")
    return 0


if __name__ == "__main__":
    sys.exit(main())
