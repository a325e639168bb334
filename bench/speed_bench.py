"""Benchmark: decoding speed and time to suggestion, against peers measured in the same run.

Run: .venv/bin/python bench/speed_bench.py [--new-tokens 48] [--skip-large] [--skip-genai] [--device cpu]

Same ONNX model folder, same prompt token ids, greedy, a fixed number of new tokens (no early stop):
  baseline    our generator as first written: arrays passed in and out each step (the cache copied
              per step), one-token steps, nothing reused between requests, no drafts
  iobinding   preallocated cache bound as both past and present (no copies), nothing reused
  +lookup     iobinding + prompt-lookup speculative decoding (output identical to greedy)
  genai       onnxruntime-genai's own greedy generator on the same folder (the build environment's
              Python, a subprocess)
Then the keystroke case through the real completion pipeline (KV reuse ratio, cold vs warm time to
suggestion), and the 1.5B model with the 0.5B as its draft (speed-up, identical output), and the
default each measured configuration would get from `choose_default`. Ratios are against peers
measured here, in this run.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from codewhisperer_lsp.model import artifacts  # noqa: E402
from codewhisperer_lsp.model.iobinding import CopyingState  # noqa: E402
from codewhisperer_lsp.model.registry import default_model, get_model  # noqa: E402
from codewhisperer_lsp.model.runtime import OnnxGenerator, Sampling  # noqa: E402
from codewhisperer_lsp.paths import cache_dir  # noqa: E402

SMALL = default_model()
LARGE = "qwen2.5-coder-1.5b-instruct"
SOURCES = ["codewhisperer_lsp/completion/prompt.py", "codewhisperer_lsp/model/registry.py",
           "codewhisperer_lsp/config.py"]

GENAI_SCRIPT = r"""
import json, sys, time
import onnxruntime_genai as og
req = json.load(sys.stdin)
model = og.Model(req["folder"])
out = []
for ids in [req["prompts"][0]] + req["prompts"]:  # the first run warms up
    n = len(ids) + req["new_tokens"]
    params = og.GeneratorParams(model)
    params.set_search_options(do_sample=False, max_length=n, min_length=n)
    gen = og.Generator(model, params)
    t0 = time.perf_counter()
    gen.append_tokens(ids)
    gen.generate_next_token()
    t1 = time.perf_counter()
    while not gen.is_done():
        gen.generate_next_token()
    t2 = time.perf_counter()
    out.append({"first_s": t1 - t0, "decode_s": t2 - t1, "tokens": list(map(int, gen.get_sequence(0)))[len(ids):]})
print(json.dumps(out[1:]))
"""


class Baseline(OnnxGenerator):
    """The generator as first written: copying cache, one-token steps, nothing reused, no drafts."""

    def __init__(self, folder, **kwargs):
        super().__init__(folder, speculate=False, io_binding=False, **kwargs)

    def _run(self, tokens):
        return self.state.run(tokens)

    def _sync(self, ids):
        self.cache.clear()
        self.state.truncate(0)
        return 0


def folder_of(name: str, target: str = "cpu") -> Path | None:
    try:
        return artifacts.verify(artifacts.build_dir(name, target), "").path
    except artifacts.ArtifactError:
        return None


def make_prompts(gen: OnnxGenerator, count: int, tokens: int) -> list[list[int]]:
    prompts = []
    for rel in SOURCES[:count]:
        text = (ROOT / rel).read_text()
        cut = text.find("\n", len(text) // 2) + 1
        ids = gen.encode(f"<|file_sep|>{Path(rel).name}\n" + text[:cut])
        prompts.append(ids[-tokens:])
    return prompts


def forced(gen: OnnxGenerator, ids: list[int], new_tokens: int, fresh: bool = True):
    if fresh:
        gen.cache.clear()
        gen.state.truncate(0)
    return gen.generate(ids, Sampling(max_new_tokens=new_tokens), set())


def decode_rate(runs) -> float:
    return sum(len(r.token_ids) - 1 for r in runs) / sum(r.decode_s for r in runs)


def first_token_ms(runs) -> float:
    return 1000 * statistics.median(r.prefill_s for r in runs)


def run_genai(folder: Path, prompts: list[list[int]], new_tokens: int) -> list[dict] | None:
    python = cache_dir() / "build-env" / "bin" / "python"
    if not python.is_file():
        print("genai: the model build environment is missing; skipped")
        return None
    result = subprocess.run([str(python), "-c", GENAI_SCRIPT], input=json.dumps(
        {"folder": str(folder), "prompts": prompts, "new_tokens": new_tokens}), capture_output=True, text=True)
    if result.returncode != 0:
        print("genai failed:", result.stderr.strip()[-800:])
        return None
    return json.loads(result.stdout)


class OneRow(OnnxGenerator):
    """IO binding without the two-row padding (one-row steps, as the baseline takes)."""

    def __init__(self, folder, **kwargs):
        super().__init__(folder, speculate=False, **kwargs)

    def _run(self, tokens):
        return self.state.run(tokens)


def section_decode(folder: Path, args) -> dict:
    print(f"\n## Decoding: {SMALL}, {args.prompts} prompts of {args.prompt_tokens} tokens, "
          f"{args.new_tokens} new tokens, greedy; configurations interleaved, {args.rounds} rounds")
    base = Baseline(folder, device=args.device)
    one_row = OneRow(folder, device=args.device)
    ours = OnnxGenerator(folder, device=args.device, speculate=False)
    prompts = make_prompts(base, args.prompts, args.prompt_tokens)
    configs = {"baseline": (base, False), "iobinding-1row": (one_row, False),
               "iobinding": (ours, False), "+lookup": (ours, True)}
    runs = {name: [] for name in configs}
    for gen in (base, one_row, ours):
        forced(gen, prompts[0], 4)  # warm-up
    for _ in range(args.rounds):
        for ids in prompts:
            for name, (gen, speculate) in configs.items():
                gen.speculate = speculate
                runs[name].append(forced(gen, ids, args.new_tokens))
    del base, one_row
    genai = None if args.skip_genai else run_genai(folder, prompts * args.rounds, args.new_tokens)
    rows = [(name, decode_rate(r), first_token_ms(r)) for name, r in runs.items()]
    if genai:
        rows.append(("genai", sum(len(g["tokens"]) - 1 for g in genai) / sum(g["decode_s"] for g in genai),
                     1000 * statistics.median(g["first_s"] for g in genai)))
    peer = dict((name, rate) for name, rate, _ in rows)
    print(f"{'generator':<15} {'decode tok/s':>12} {'first token ms':>15} {'x baseline':>10} {'x genai':>8}")
    for name, rate, first in rows:
        vs_genai = f"{rate / peer['genai']:.2f}" if "genai" in peer else "-"
        print(f"{name:<15} {rate:>12.1f} {first:>15.0f} {rate / peer['baseline']:>10.2f} {vs_genai:>8}")
    same = all(a.token_ids == b.token_ids for a, b in zip(runs["iobinding"], runs["+lookup"]))
    drafted = sum(r.timings["drafted"] for r in runs["+lookup"])
    accepted = sum(r.timings["accepted"] for r in runs["+lookup"])
    passes = sum(r.timings["passes"] for r in runs["+lookup"])
    print(f"+lookup output identical to iobinding greedy: {same}; drafts accepted {accepted}/{drafted}; "
          f"{sum(len(r.token_ids) for r in runs['+lookup']) / passes:.2f} tokens per pass")
    if genai:
        agree = [_agree(g["tokens"], r.token_ids) for g, r in zip(genai, runs["iobinding"])]
        print(f"tokens equal to genai's before the first difference: {agree} of {args.new_tokens}")
    return peer


def section_long(folder: Path, args) -> None:
    """Decoding at a long context, where copying the cache every step costs most."""
    print(f"\n## Long context: {args.long_tokens}-token prompt, 24 new tokens")
    text = "".join((ROOT / rel).read_text() for rel in SOURCES)
    rates = {}
    for name, make in (("baseline", lambda: Baseline(folder, device=args.device)),
                       ("iobinding-1row", lambda: OneRow(folder, device=args.device)),
                       ("iobinding", lambda: OnnxGenerator(folder, device=args.device, speculate=False))):
        gen = make()
        ids = gen.encode(text)[: args.long_tokens]
        run = forced(gen, ids, 24)
        rates[name] = decode_rate([run])
        del gen
    print("decode tok/s: " + ", ".join(f"{name} {rate:.1f} (x{rate / rates['baseline']:.2f})"
                                       for name, rate in rates.items()))


def rss_child(args) -> int:
    """Peak RSS of one process serving the default model at a 2k-token context."""
    folder = folder_of(SMALL, args.target)
    gen = OnnxGenerator(folder, device=args.device)
    text = "".join((ROOT / rel).read_text() for rel in SOURCES) * 2
    ids = gen.encode(text)[:2048]
    gen.generate(ids, Sampling(max_new_tokens=32), set())
    gen.generate(ids[:-40] + ids[-20:], Sampling(max_new_tokens=32), set())  # a second state saved
    print(json.dumps({"rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "cache_mib": gen.cache.nbytes / 2**20, "live_mib": gen.state.nbytes / 2**20}))
    return 0


def section_rss(args) -> None:
    result = subprocess.run([sys.executable, __file__, "--rss-child", "--device", args.device, "--target", args.target],
                            capture_output=True, text=True)
    if result.returncode != 0:
        print("RSS measurement failed:", result.stderr.strip()[-500:])
        return
    r = json.loads(result.stdout.strip().splitlines()[-1])
    print(f"\n## Memory: peak RSS serving {SMALL} at a 2k-token context: {r['rss_mib']:.0f} MiB "
          f"(saved states {r['cache_mib']:.0f} MiB, live cache {r['live_mib']:.0f} MiB)")


def _agree(a: list[int], b: list[int]) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def section_keystrokes(args) -> dict:
    from codewhisperer_lsp.completion.service import CompletionRequest, CompletionService
    from codewhisperer_lsp.config import Settings
    from codewhisperer_lsp.model.engine import ModelEngine

    print("\n## Keystrokes: the real completion pipeline, typing a line mid-file")
    engine = ModelEngine()
    engine.configure("", "", args.device, 0)
    engine.wait()
    service = CompletionService(engine)
    settings = Settings()
    gen = engine.generator()
    text = (ROOT / SOURCES[0]).read_text()
    at = text.find("\n", len(text) // 2) + 1
    typed = "    result = compute_total(items, limit)\n"
    cold, warm, reuse = [], [], []
    for round_ in range(2):
        gen.cache.clear()
        gen.state.truncate(0)
        for i in range(0, len(typed), 3):
            doc = text[:at] + typed[:i] + text[at:]
            request = CompletionRequest("file:///bench/prompt.py", "python", doc, 1, at + i, False)
            result = service.complete(request, settings)
            t = result.timings
            if "first_ms" not in t:
                continue  # nothing to suggest at this point
            (cold if i == 0 else warm).append(t["first_ms"])
            if i:
                reuse.append(t["reused_tokens"] / t["prompt_tokens"])
    p = lambda xs, q: statistics.quantiles(xs, n=20)[q] if len(xs) > 1 else xs[0]  # noqa: E731
    print(f"cold p50 {statistics.median(cold):.0f} ms; warm p50 {statistics.median(warm):.0f} ms, "
          f"p95 {p(warm, 18):.0f} ms; warm/cold {statistics.median(warm) / statistics.median(cold):.2f}")
    print(f"KV reuse: {100 * statistics.mean(reuse):.1f}% of prompt tokens reused on keystrokes "
          f"(min {100 * min(reuse):.1f}%); saved states {gen.cache.nbytes / 2**20:.1f} MiB in {len(gen.cache)} entries, "
          f"live cache {gen.state.nbytes / 2**20:.1f} MiB")
    return {"cold_ms": statistics.median(cold), "warm_ms": statistics.median(warm), "reuse": statistics.mean(reuse)}


def section_draft(small_folder: Path, large_folder: Path, args) -> dict:
    from codewhisperer_lsp.model.choose import Measurement, choose_default, measure_single_line

    print(f"\n## {LARGE} with {SMALL} as its draft")
    large = OnnxGenerator(large_folder, device=args.device, speculate=False)
    draft = OnnxGenerator(small_folder, device=args.device, speculate=False)
    prompts = make_prompts(large, 2, args.prompt_tokens)
    forced(large, prompts[0], 4)
    plain = [forced(large, ids, args.new_tokens) for ids in prompts]
    large.attach_draft(draft)
    drafted = [forced(large, ids, args.new_tokens) for ids in prompts]
    large.attach_draft(None)
    large.speculate = True
    lookup = [forced(large, ids, args.new_tokens) for ids in prompts]
    rows = [("1.5B greedy", plain), ("1.5B + 0.5B draft", drafted), ("1.5B + lookup", lookup)]
    for name, runs in rows:
        extra = ""
        if runs is not plain:
            extra = (f"  x{decode_rate(runs) / decode_rate(plain):.2f}; identical: "
                     f"{all(a.token_ids == b.token_ids for a, b in zip(runs, plain))}; accepted "
                     f"{sum(r.timings['accepted'] for r in runs)}/{sum(r.timings['drafted'] for r in runs)}")
        print(f"{name:<18} {decode_rate(runs):6.1f} tok/s{extra}")
    stop_ids = set(get_model(LARGE).stop_token_ids)
    lines = make_prompts(large, 3, args.prompt_tokens)
    small_only = OnnxGenerator(small_folder, device=args.device)
    measurements = [Measurement(SMALL, measure_single_line(small_only, lines, stop_ids), draft_device(small_only))]
    large.speculate = True
    measurements.append(Measurement(LARGE, measure_single_line(large, lines, stop_ids), draft_device(large)))
    large.speculate = False
    large.attach_draft(draft)
    measurements.append(Measurement(LARGE, measure_single_line(large, lines, stop_ids), draft_device(large), SMALL))
    for m in measurements:
        how = f" + {m.draft} draft" if m.draft else " + lookup"
        print(f"single-line warm p50: {m.model}{how}: {m.p50_ms:.0f} ms")
    chosen = choose_default(measurements, [LARGE, SMALL])
    print(f"choose_default on this machine: {chosen.model}")
    return {"draft_speedup": decode_rate(drafted) / decode_rate(plain), "chosen": chosen.model}


def draft_device(gen: OnnxGenerator) -> str:
    return "cuda" if gen.provider.startswith("CUDA") else "cpu"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--new-tokens", type=int, default=48)
    parser.add_argument("--prompt-tokens", type=int, default=400)
    parser.add_argument("--prompts", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--target", default="cpu", help="which build of the models: cpu or cuda")
    parser.add_argument("--skip-genai", action="store_true")
    parser.add_argument("--skip-large", action="store_true")
    parser.add_argument("--skip-keystrokes", action="store_true")
    parser.add_argument("--long-tokens", type=int, default=1536, help="0 skips the long-context section")
    parser.add_argument("--rss-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_child:
        return rss_child(args)
    small = folder_of(SMALL, args.target)
    if small is None:
        print(f"{SMALL} is not built: run ./dev.sh setup")
        return 1
    started = time.monotonic()
    section_decode(small, args)
    if args.long_tokens:
        section_long(small, args)
    section_rss(args)
    if not args.skip_keystrokes:
        section_keystrokes(args)
    large = folder_of(LARGE, args.target)
    if args.skip_large:
        pass
    elif large is None:
        print(f"\n{LARGE} is not built (codewhisperer-lsp model build --name {LARGE}); draft section skipped")
    else:
        section_draft(small, large, args)
    print(f"\npeak RSS of this benchmark (every generator above loaded): "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB; {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
