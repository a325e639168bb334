"""Single-line infilling in six languages (humaneval-x), the server's manual trigger beside the bare model.

    python bench/infill_bench.py --part tune --per-language 8 --out bench/results/infill_tune.json
    python bench/infill_bench.py --part report --per-language 12 --variants server

Tasks follow HumanEval-Infilling's single-line rule on humaneval-x's canonical solutions (C++, Go,
Java, JavaScript, Python, Rust; Apache-2.0; the folder comes from --dataset, else
$CODEWHISPERER_HUMANEVAL_X, else ../shared/datasets/humaneval-x beside the repository): every
non-blank line of a solution is a task; the problems are those of one part of the committed split
(bench/split.py), and --per-language tasks per language are drawn with random.Random(seed).

* server: `CompletionService.complete`, the code the textDocument/inlineCompletion handler runs,
  called in this process (no JSON-RPC transport). The document is the problem's text with the line
  emptied down to its indentation and the cursor there (a new line opened as an editor opens it),
  a manual trigger (the default numSuggestions, 3), the first item's first line. Variants change a
  choice for the run only (the layout of a new line above code, the suffix budget, the trigger), so
  that several can be compared on the same tasks in the same run.
* bare: the same weights (the same loaded model), Qwen2.5-Coder's standard fill-in-the-middle
  prompt `<|fim_prefix|>{text before the line}<|fim_suffix|>{text after the line}<|fim_middle|>`,
  greedy, 64 new tokens at most, the first generated line (`bare`); the instruct model often starts
  the middle with a line break, so its first non-blank line is scored too (`bare_nonblank`).

Scores: exact match (the lines equal after stripping), edit similarity (1 - Levenshtein distance /
the longer length, after stripping), and tests passed: the line substituted into the solution and
humaneval-x's tests compiled and run (python3, node, javac/java, g++, go test, rustc --test; Go needs
`./dev.sh bench-setup`). A problem whose canonical solution does not pass here is left out of the
tests figure (counted as not run). The key/value cache is cleared before every request on both
sides. Results go to --out (JSON, rewritten after every task) and a table to stdout.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import hashlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import split as splits  # noqa: E402

LANGUAGES = {  # humaneval-x file name -> the server's languageId, file extension
    "cpp": ("cpp", ".cpp"), "go": ("go", ".go"), "java": ("java", ".java"),
    "js": ("javascript", ".js"), "python": ("python", ".py"), "rust": ("rust", ".rs"),
}
LANGUAGE_IDS = [language_id for language_id, _ in LANGUAGES.values()]
BARE_TOKENS = 64
RUST_CRATES = ("use rand::Rng;\n", "use regex::Regex;\n", "use md5;\n")  # not in a bare rustc: left out


@dataclasses.dataclass(frozen=True)
class Task:
    language: str  # humaneval-x name: cpp, go, java, js, python, rust
    task_id: str
    row: int  # index of the masked line in the canonical solution
    before: str  # the document up to the start of the masked line
    line: str  # the masked line
    after: str  # the document from the end of the masked line (starts with its newline)
    problem: dict = dataclasses.field(compare=False, repr=False)

    @property
    def indent(self) -> str:
        return self.line[: len(self.line) - len(self.line.lstrip())]

    def document(self, line: str) -> str:
        return self.before + line + self.after


# ---------------------------------------------------------------- scoring

def exact(candidate: str, expected: str) -> bool:
    return candidate.strip() == expected.strip()


def levenshtein(a: str, b: str) -> int:
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


def edit_similarity(candidate: str, expected: str) -> float:
    a, b = candidate.strip(), expected.strip()
    if not a and not b:
        return 1.0
    return 1.0 - levenshtein(a, b) / max(len(a), len(b))


def first_line(text: str) -> str:
    return text.split("\n", 1)[0]


def first_nonblank_line(text: str) -> str:
    return next((line for line in text.split("\n") if line.strip()), "")


def _line_written(text: str) -> bool:
    """Stop once a non-blank line is complete (the first line, blank or not, is then known too)."""
    return any(line.strip() for line in text.split("\n")[:-1])


def substitute(task: Task, line: str) -> str:
    """The document with `line` (one line, no newline) where the masked line was."""
    return task.document(first_line(line))


# ---------------------------------------------------------------- tasks

def read_language(dataset: Path, language: str) -> list[dict]:
    path = dataset / f"humaneval_{language}.jsonl.gz"
    if not path.is_file():
        raise SystemExit(f"{path} not found: give --dataset or set {splits.DATASET_ENV} to the humaneval-x folder")
    with gzip.open(path, "rt", encoding="utf-8") as rows:
        return [json.loads(row) for row in rows if row.strip()]


def head_of(language: str, problem: dict) -> str:
    """The document before the canonical solution, as the file would look in an editor."""
    if language == "go":
        return "package main\n\n" + problem["prompt"]
    if language == "rust":
        return problem["prompt"] + problem["declaration"]
    return problem["prompt"]


def tasks_of(language: str, problem: dict) -> list[Task]:
    """Every non-blank line of the canonical solution, each as one task."""
    head, lines = head_of(language, problem), problem["canonical_solution"].split("\n")
    out = []
    for row, line in enumerate(lines):
        if not line.strip():
            continue
        before = head + "\n".join(lines[:row]) + ("\n" if row else "")
        out.append(Task(language, problem["task_id"], row, before, line, "\n" + "\n".join(lines[row + 1:]), problem))
    return out


def sample(dataset: Path, languages: list[str], part: str, per_language: int, seed: int) -> list[Task]:
    split = splits.load()
    chosen = []
    for language in languages:
        every = [task for problem in read_language(dataset, language) if splits.in_part(problem["task_id"], part, split)
                 for task in tasks_of(language, problem)]
        rng = random.Random(f"{seed}:{language}")
        chosen += rng.sample(every, min(per_language, len(every))) if per_language else every
    return chosen


# ---------------------------------------------------------------- tests

def program(task: Task, document: str) -> tuple[str, str]:
    """(file name, program text) that runs humaneval-x's tests on `document`."""
    test = task.problem["test"]
    if task.language == "python":
        return "check.py", document + "\n\n" + test + "\n"
    if task.language == "js":
        return "check.js", document + "\n" + test + "\n"
    if task.language == "cpp":
        return "check.cpp", document + "\n" + test + "\n"
    if task.language == "java":
        return "Main.java", document + "\n" + test + "\n"
    if task.language == "go":
        body = document.removeprefix("package main\n\n")
        return "check_test.go", task.problem["test_setup"] + "\n" + body + "\n" + test + "\n"
    if task.language == "rust":
        for crate in RUST_CRATES:
            document = document.replace(crate, "")
        return "check.rs", document + "\n" + test + "\n"
    raise ValueError(task.language)


def commands(language: str, name: str) -> list[list[str]]:
    if language == "python":
        return [[sys.executable, name]]
    if language == "js":
        return [["node", name]]
    if language == "cpp":
        return [["g++", "-std=c++17", "-O0", "-w", "-o", "check", name], ["./check"]]
    if language == "java":
        return [["javac", "-nowarn", name], ["java", "-cp", ".", "Main"]]
    if language == "go":
        return [["go", "test", "-vet=off", "-count=1", "."]]
    if language == "rust":
        return [["rustc", "--test", "--edition", "2021", "-A", "warnings", "-o", "check", name], ["./check"]]
    raise ValueError(language)


TOOLS = {"python": None, "js": "node", "cpp": "g++", "java": "javac", "go": "go", "rust": "rustc"}


class Tester:
    """Runs a task's tests on a document; results cached by program text."""

    def __init__(self, timeout: float):
        self.timeout = timeout
        self._cache: dict[str, bool] = {}
        self._canonical: dict[tuple[str, str], bool] = {}
        self._gocache = tempfile.mkdtemp(prefix="cw-bench-gocache-")

    def available(self, language: str) -> bool:
        tool = TOOLS[language]
        return tool is None or shutil.which(tool) is not None

    def canonical_passes(self, task: Task) -> bool:
        key = (task.language, task.task_id)
        if key not in self._canonical:
            self._canonical[key] = self.available(task.language) and self.passes(task, task.line)
        return self._canonical[key]

    def passes(self, task: Task, line: str) -> bool:
        return self.passes_document(task, substitute(task, line))

    def passes_document(self, task, document: str) -> bool:
        """Whether the tests pass on `document` (`task`: anything with a language and a problem)."""
        name, text = program(task, document)
        key = hashlib.sha256(f"{task.language}\0{text}".encode()).hexdigest()
        if key not in self._cache:
            self._cache[key] = self._run(task.language, name, text)
        return self._cache[key]

    def _run(self, language: str, name: str, text: str) -> bool:
        env = dict(os.environ, GO111MODULE="off", GOPATH=os.environ.get("GOPATH", "/usr/share/gocode"),
                   GOCACHE=self._gocache, GOFLAGS="")
        with tempfile.TemporaryDirectory(prefix="cw-infill-") as folder:
            (Path(folder) / name).write_text(text, encoding="utf-8")
            for command in commands(language, name):
                try:
                    run = subprocess.run(command, cwd=folder, capture_output=True, timeout=self.timeout, env=env)
                except (subprocess.TimeoutExpired, OSError):
                    return False
                if run.returncode != 0:
                    return False
                if language == "js" and b"Assertion failed" in run.stderr:
                    return False  # console.assert prints and goes on
            return True


# ---------------------------------------------------------------- the two sides

VARIANTS = {  # name -> what differs from the code as it is, for this run only
    "server": {},
    "server_fim": {"fim_above_code": True},  # a new line above code: fill-in-the-middle in every language, both triggers
    "server_prefix": {"fim_above_code": False},  # ... prefix-only in every language (the choice before the split)
    # the code before the tune part's changes: prefix-only above code, a lone `}` line always dropped
    "before": {"fim_above_code": False, "drop_braces": True},
    "server_fim_s96": {"fim_above_code": True, "suffix_tokens": 96},
    "server_prefix_end": {"fim_at_end": False},
    "no_closer": {"no_closer": True},
    "invoked_s96": {"suffix_invoked": 96},  # a manual trigger's suffix budget (prompt.SUFFIX_TOKENS_INVOKED)
    "invoked_s192": {"suffix_invoked": 192},
    "invoked_s256": {"suffix_invoked": 256},  # without the closer a dedented line gets without the model (closer.py)
    "auto": {"invoked": False},
    "auto_fim": {"invoked": False, "fim_above_code": True},
}


class Sides:
    def __init__(self, model: str, threads: int):
        from codewhisperer_lsp.completion.service import CompletionService
        from codewhisperer_lsp.config import Settings
        from codewhisperer_lsp.model.engine import ModelEngine

        self.engine = ModelEngine()
        self.engine.configure(model, "", "cpu", threads)
        status = self.engine.wait()
        if status.state != "ready":
            raise SystemExit(f"model not ready: {status.message}")
        self.status = status.message
        self.generator = self.engine.generator()
        self.spec = self.engine.spec
        self.service = CompletionService(self.engine)
        self.settings = Settings()

    def bare(self, task: Task) -> tuple[str, float]:
        from codewhisperer_lsp.model.runtime import Sampling

        self.generator.cache.clear()
        started = time.monotonic()
        text = self.spec.fim_template.format(prefix=task.before, suffix=task.after[1:])
        generation = self.generator.generate(self.generator.encode(text), Sampling(max_new_tokens=BARE_TOKENS),
                                             set(self.spec.stop_token_ids), stop_text=_line_written)
        return generation.text, time.monotonic() - started

    def server(self, task: Task, variant: str, uri: str) -> tuple[str, float, list[str], object]:
        from codewhisperer_lsp.completion import kinds
        from codewhisperer_lsp.completion import prompt as prompts
        from codewhisperer_lsp.completion import service as services
        from codewhisperer_lsp.completion.postprocess import tiny
        from codewhisperer_lsp.completion.service import CompletionRequest
        from codewhisperer_lsp.context.cursor import CompletionKind

        change = VARIANTS[variant]
        saved_plans, saved_suffix = dict(kinds.PLANS), prompts.SUFFIX_TOKENS_MAX
        saved_invoked_suffix = prompts.SUFFIX_TOKENS_INVOKED
        saved_prefix_only = getattr(kinds, "LINE_PREFIX_ONLY_ABOVE_CODE", None)
        saved_braces, saved_closer = tiny.closes_open_block, services.missing_closer
        try:
            if change.get("no_closer"):
                services.missing_closer = lambda situation: None
            line_plan = kinds.PLANS[CompletionKind.LINE]
            if "fim_above_code" in change:  # the same layout in every language
                fim = change["fim_above_code"]
                kinds.PLANS[CompletionKind.LINE] = dataclasses.replace(line_plan, fim_above_code=fim,
                                                                        fim_above_code_invoked=fim)
                if saved_prefix_only is not None:
                    kinds.LINE_PREFIX_ONLY_ABOVE_CODE = frozenset() if fim else frozenset(LANGUAGE_IDS)
            if "fim_at_end" in change:
                kinds.PLANS[CompletionKind.LINE] = dataclasses.replace(line_plan, fim=change["fim_at_end"])
            if change.get("drop_braces"):
                tiny.closes_open_block = lambda context, text: False
            if "suffix_tokens" in change:
                prompts.SUFFIX_TOKENS_MAX = prompts.SUFFIX_TOKENS_INVOKED = change["suffix_tokens"]
            if "suffix_invoked" in change:
                prompts.SUFFIX_TOKENS_INVOKED = change["suffix_invoked"]
            self.generator.cache.clear()
            self.service.forget(uri)
            text = task.document(task.indent)
            request = CompletionRequest(uri, LANGUAGES[task.language][0], text, 1, len(task.before + task.indent),
                                        invoked=change.get("invoked", True))
            started = time.monotonic()
            result = self.service.complete(request, self.settings)
            seconds = time.monotonic() - started
        finally:
            kinds.PLANS.clear()
            kinds.PLANS.update(saved_plans)
            if saved_prefix_only is not None:
                kinds.LINE_PREFIX_ONLY_ABOVE_CODE = saved_prefix_only
            prompts.SUFFIX_TOKENS_MAX, prompts.SUFFIX_TOKENS_INVOKED = saved_suffix, saved_invoked_suffix
            tiny.closes_open_block = saved_braces
            services.missing_closer = saved_closer
        items = result.items
        line = task.indent + first_line(items[0]) if items else ""
        return line, seconds, [first_line(item) for item in items], result.timings.get("candidates")


# ---------------------------------------------------------------- run and report

def score(tester: Tester, task: Task, line: str, seconds: float, tests: bool) -> dict:
    row = {"line": line, "exact": exact(line, task.line), "es": round(edit_similarity(line, task.line), 4),
           "seconds": round(seconds, 3)}
    if tests:
        row["tests"] = tester.passes(task, line)
    return row


def summary(rows: list[dict], sides: list[str]) -> dict:
    out: dict = {}
    for language in sorted({row["language"] for row in rows}):
        mine = [row for row in rows if row["language"] == language]
        out[language] = {side: figures([row[side] for row in mine if side in row]) for side in sides}
    out["all"] = {side: figures([row[side] for row in rows if side in row]) for side in sides}
    return out


def figures(cells: list[dict]) -> dict:
    if not cells:
        return {}
    tested = [cell["tests"] for cell in cells if "tests" in cell]
    return {"n": len(cells), "exact": round(statistics.mean(c["exact"] for c in cells), 3),
            "es": round(statistics.mean(c["es"] for c in cells), 3),
            "tests": round(statistics.mean(tested), 3) if tested else None, "tested": len(tested),
            "p50_s": round(statistics.median(c["seconds"] for c in cells), 2)}


def table(result: dict, sides: list[str]) -> str:
    head = "| language | n | " + " | ".join(f"{s} exact / ES / tests" for s in sides) + " | " + \
        " | ".join(f"{s} p50 s" for s in sides) + " |"
    out = [head, "|" + "---|" * (2 + 2 * len(sides))]
    for language, by_side in result.items():
        first = next(iter(by_side.values()))
        if not first:
            continue
        cells = []
        for side in sides:
            f = by_side[side]
            tests = f"{f['tests']:.3f} ({f['tested']})" if f.get("tests") is not None else "-"
            cells.append(f"{f['exact']:.3f} / {f['es']:.3f} / {tests}")
        times = [f"{by_side[side]['p50_s']:.2f}" for side in sides]
        out.append(f"| {language} | {first['n']} | " + " | ".join(cells) + " | " + " | ".join(times) + " |")
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", default=None, help="the humaneval-x folder (default: $%s, else %s)"
                        % (splits.DATASET_ENV, "../shared/datasets/humaneval-x beside the repository"))
    parser.add_argument("--part", choices=("tune", "report", "all"), default="report")
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    parser.add_argument("--per-language", type=int, default=10, help="tasks drawn per language (0: all)")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--variants", default="server", help=f"server sides, comma-separated: {', '.join(VARIANTS)}")
    parser.add_argument("--model", default="", help="a registered model (default: the registry's default)")
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per compile or test run")
    parser.add_argument("--no-tests", action="store_true", help="exact match and edit similarity only")
    parser.add_argument("--out", default=None, help="JSON results (rewritten after every task)")
    args = parser.parse_args()
    languages = [name.strip() for name in args.languages.split(",") if name.strip()]
    variants = [name.strip() for name in args.variants.split(",") if name.strip()]
    for name in languages:
        if name not in LANGUAGES:
            parser.error(f"unknown language {name}: one of {', '.join(LANGUAGES)}")
    for name in variants:
        if name not in VARIANTS:
            parser.error(f"unknown variant {name}: one of {', '.join(VARIANTS)}")
    dataset = splits.dataset_dir(args.dataset)
    tasks = sample(dataset, languages, args.part, args.per_language, args.seed)
    tester = Tester(args.timeout)
    sides_names = variants + ["bare", "bare_nonblank"]
    started = time.monotonic()
    sides = Sides(args.model, args.threads)
    config = {"part": args.part, "per_language": args.per_language, "seed": args.seed, "languages": languages,
              "variants": variants, "model": sides.status, "bare": "standard FIM prompt, greedy, 64 tokens, first line",
              "server": "CompletionService.complete in process, manual trigger unless the variant says auto",
              "tasks": len(tasks)}
    rows: list[dict] = []
    for index, task in enumerate(tasks):
        tests = not args.no_tests and tester.canonical_passes(task)
        row = {"language": task.language, "task_id": task.task_id, "row": task.row, "expected": task.line.strip()}
        for variant in variants:
            line, seconds, items, candidates = sides.server(task, variant, f"file:///project/{index}"
                                                            f"{LANGUAGES[task.language][1]}")
            row[variant] = score(tester, task, line, seconds, tests)
            row[variant]["items"] = items
            if candidates:
                row[variant]["candidates"] = candidates
                row[variant]["oracle_exact"] = any(exact(task.indent + item, task.line) for item in items)
        text, seconds = sides.bare(task)
        row["bare"] = score(tester, task, first_line(text), seconds, tests)
        row["bare_nonblank"] = score(tester, task, first_nonblank_line(text), seconds, tests)
        rows.append(row)
        print(f"{index + 1}/{len(tasks)} {task.task_id} row {task.row}: {task.line.strip()[:50]!r} "
              + " ".join(f"{side}={row[side]['exact']:d}/{row[side].get('tests', '-')}" for side in sides_names)
              + f"  {row[variants[0]]['line'].strip()[:40]!r} | bare {row['bare']['line'].strip()[:40]!r}",
              file=sys.stderr, flush=True)
        if args.out:
            config["seconds"] = round(time.monotonic() - started)
            Path(args.out).write_text(json.dumps({"config": config, "summary": summary(rows, sides_names),
                                                  "rows": rows}, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(config))
    print(table(summary(rows, sides_names), sides_names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
