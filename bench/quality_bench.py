"""Quality of the completion pipeline against the bare model on the same weights.

    python bench/quality_bench.py [--problems N] [--lines N] [--seed S]

Two sets, each run through both paths, in the same process and on the same loaded model:

* functions: small HumanEval-style problems (bench/quality_problems.py); the prompt is the
  signature and docstring, the check runs a few asserts in a subprocess. pass@1, greedy.
* single-line infilling: one line inside a function of a Python standard-library module on this
  machine is removed; the cursor sits at its indentation with the rest of the file after it.
  Exact match of the first suggested line and parse rate (the suggestion inserted adds no syntax
  error to the file).

The pipeline is `CompletionService.complete` (the code the inlineCompletion handler runs): tree
context, completion kind and plan, healed prompt (FIM where the kind uses it), stop rules,
post-processing. The bare model gets a plain prefix prompt (the same file header, the same prefix
window), greedy decoding, no healing, no stop rule but the end-of-text token, no post-processing;
its figures are shown raw and with the usual stop-sequence truncation (HumanEval's stop list for
functions, the first newline for single lines). The KV cache is cleared before every request so
no path profits from the other's prefill. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import random
import re
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.quality_problems import PROBLEMS  # noqa: E402
from codewhisperer_lsp.completion import prompt as prompts  # noqa: E402
from codewhisperer_lsp.completion.kinds import PLANS  # noqa: E402
from codewhisperer_lsp.completion.service import CompletionRequest, CompletionService  # noqa: E402
from codewhisperer_lsp.config import Settings  # noqa: E402
from codewhisperer_lsp.context.block import count_errors  # noqa: E402
from codewhisperer_lsp.context.cursor import CompletionKind  # noqa: E402
from codewhisperer_lsp.model.engine import ModelEngine  # noqa: E402
from codewhisperer_lsp.model.runtime import Sampling  # noqa: E402

FUNCTION_TOKENS = 256
LINE_TOKENS = 48
HUMANEVAL_STOPS = ("\ndef", "\nclass", "\nif", "\nprint", "\n#")
STDLIB_MODULES = ("textwrap", "shlex", "fnmatch", "glob", "heapq", "bisect", "colorsys", "calendar",
                  "statistics", "difflib", "string", "netrc", "csv", "ipaddress", "fractions", "gettext")


class Paths:
    def __init__(self, engine: ModelEngine, settings: Settings):
        self.engine = engine
        self.settings = settings
        self.service = CompletionService(engine)
        self.generator = engine.generator()
        self.spec = engine.spec

    def pipeline(self, name: str, text: str, offset: int) -> tuple[str, float]:
        self.generator.cache.clear()
        started = time.monotonic()
        result = self.service.complete(CompletionRequest(f"file:///project/{name}", "python", text, 1, offset, False),
                                       self.settings)
        return (result.items[0] if result.items else ""), time.monotonic() - started

    def bare(self, name: str, prefix: str, max_new_tokens: int) -> tuple[str, float]:
        self.generator.cache.clear()
        started = time.monotonic()
        window, _ = prompts.trim_prefix(prefix, self.generator, self.settings.maxPromptTokens)
        ids = self.generator.encode(self.spec.file_header.format(path=name) + window)
        generation = self.generator.generate(ids, Sampling(max_new_tokens=max_new_tokens, temperature=0.0),
                                             set(self.spec.stop_token_ids))
        return generation.text, time.monotonic() - started


def passes(program: str) -> bool:
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(program)
    try:
        run = subprocess.run([sys.executable, handle.name], capture_output=True, timeout=10)
        return run.returncode == 0
    except subprocess.TimeoutExpired:
        return False
    finally:
        Path(handle.name).unlink(missing_ok=True)


def truncate(text: str, stops: tuple[str, ...]) -> str:
    cuts = [text.find(stop) for stop in stops if stop in text]
    return text[: min(cuts)] if cuts else text


def bench_functions(paths: Paths, count: int) -> dict:
    rows = {"pipeline": [], "bare": [], "bare+stops": []}
    for index, (prompt, check) in enumerate(PROBLEMS[:count]):
        name = f"problem{index}.py"
        text = prompt + "    \n"
        offset = len(prompt) + 4
        suggestion, seconds = paths.pipeline(name, text, offset)
        rows["pipeline"].append((passes(prompt + "    " + suggestion + "\n\n" + check + "\n"), seconds))
        raw, seconds = paths.bare(name, prompt, FUNCTION_TOKENS)
        rows["bare"].append((passes(prompt + raw + "\n\n" + check + "\n"), seconds))
        rows["bare+stops"].append((passes(prompt + truncate(raw, HUMANEVAL_STOPS) + "\n\n" + check + "\n"), seconds))
        print(f"  function {index:2d}: pipeline={rows['pipeline'][-1][0]!s:5} bare={rows['bare'][-1][0]!s:5} "
              f"bare+stops={rows['bare+stops'][-1][0]!s:5}", file=sys.stderr)
    return rows


def masked_lines(count: int, seed: int) -> list[tuple[str, str, int, int]]:
    """(module, text, line start offset, line end offset) of single-line statements in functions."""
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    candidates = []
    for module in STDLIB_MODULES:
        path = stdlib / f"{module}.py"
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        starts = [0]
        for line in lines:
            starts.append(starts[-1] + len(line) + 1)
        for node in ast.walk(ast.parse(text)):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for statement in ast.walk(node):
                if not isinstance(statement, (ast.Assign, ast.AugAssign, ast.Return, ast.Expr)) \
                        or statement.lineno != statement.end_lineno or statement is node:
                    continue
                if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
                    continue  # docstrings
                row = statement.lineno - 1
                code = lines[row].strip()
                if 12 <= len(code) <= 90 and not code.startswith("#") and lines[row].startswith(" "):
                    candidates.append((module, text, starts[row], starts[row] + len(lines[row])))
    random.Random(seed).shuffle(candidates)
    return candidates[:count]


def first_line(text: str) -> str:
    return next((row.strip() for row in text.split("\n") if row.strip()), "")


def bench_lines(paths: Paths, count: int, seed: int) -> dict:
    rows = {"pipeline": [], "bare": [], "bare+stops": []}
    for index, (module, text, start, end) in enumerate(masked_lines(count, seed)):
        line = text[start:end]
        indent = line[: len(line) - len(line.lstrip())]
        prefix, suffix = text[:start] + indent, text[end:]
        masked = text[:start] + indent + suffix
        expected = line.strip()
        baseline = count_errors("python", text)
        name = f"{module}.py"

        def score(suggestion: str, seconds: float) -> tuple[bool, bool, float]:
            parses = bool(suggestion.strip()) and count_errors("python", prefix + suggestion + suffix) <= baseline
            return first_line(suggestion) == expected, parses, seconds

        suggestion, seconds = paths.pipeline(name, masked, len(prefix))
        rows["pipeline"].append(score(suggestion, seconds))
        raw, seconds = paths.bare(name, prefix, LINE_TOKENS)
        rows["bare"].append(score(raw, seconds))
        rows["bare+stops"].append(score(raw.split("\n", 1)[0], seconds))
        print(f"  line {index:2d} {module}: pipeline={rows['pipeline'][-1][:2]} bare+stops={rows['bare+stops'][-1][:2]}"
              f"  {expected[:50]!r} / {first_line(suggestion)[:50]!r}", file=sys.stderr)
    return rows


def mean(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b else "n/a"


def report(functions: dict, lines: dict) -> str:
    if not functions["pipeline"]:
        functions = {key: [(False, 0.0)] for key in functions}
    out = ["| set | metric | pipeline | bare model | bare + stop sequences | pipeline / bare+stops |",
           "|---|---|---|---|---|---|"]
    n = len(functions["pipeline"])
    f = {k: mean(ok for ok, _ in v) for k, v in functions.items()}
    fl = {k: mean(s for _, s in v) for k, v in functions.items()}
    out.append(f"| functions ({n}) | pass@1 | {f['pipeline']:.2f} | {f['bare']:.2f} | {f['bare+stops']:.2f} | "
               f"{ratio(f['pipeline'], f['bare+stops'])} |")
    out.append(f"| functions ({n}) | mean latency (s) | {fl['pipeline']:.2f} | {fl['bare']:.2f} | {fl['bare+stops']:.2f} | "
               f"{ratio(fl['pipeline'], fl['bare+stops'])} |")
    m = len(lines["pipeline"])
    em = {k: mean(r[0] for r in v) for k, v in lines.items()}
    pr = {k: mean(r[1] for r in v) for k, v in lines.items()}
    ll = {k: mean(r[2] for r in v) for k, v in lines.items()}
    out.append(f"| single line ({m}) | exact match | {em['pipeline']:.2f} | {em['bare']:.2f} | {em['bare+stops']:.2f} | "
               f"{ratio(em['pipeline'], em['bare+stops'])} |")
    out.append(f"| single line ({m}) | parses | {pr['pipeline']:.2f} | {pr['bare']:.2f} | {pr['bare+stops']:.2f} | "
               f"{ratio(pr['pipeline'], pr['bare+stops'])} |")
    out.append(f"| single line ({m}) | mean latency (s) | {ll['pipeline']:.2f} | {ll['bare']:.2f} | {ll['bare+stops']:.2f} | "
               f"{ratio(ll['pipeline'], ll['bare+stops'])} |")
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--problems", type=int, default=len(PROBLEMS))
    parser.add_argument("--lines", type=int, default=30)
    parser.add_argument("--prompt-tokens", type=int, default=512)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--line-prompt", choices=("plan", "prefix"), default="plan",
                        help="prompt mode for the line kind: as planned (fill-in-the-middle) or prefix-only")
    args = parser.parse_args()
    engine = ModelEngine()
    engine.configure("", "", "cpu", args.threads)
    status = engine.wait()
    if status.state != "ready":
        print(f"model not ready: {status.message}", file=sys.stderr)
        return 1
    if args.line_prompt == "prefix":
        PLANS[CompletionKind.LINE] = dataclasses.replace(PLANS[CompletionKind.LINE], fim=False)
    settings = Settings(numSuggestions=1, maxNewTokens=FUNCTION_TOKENS, maxPromptTokens=args.prompt_tokens)
    paths = Paths(engine, settings)
    started = time.monotonic()
    functions = bench_functions(paths, args.problems)
    lines = bench_lines(paths, args.lines, args.seed)
    print(f"model: {status.message}; {time.monotonic() - started:.0f} s")
    print(report(functions, lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
