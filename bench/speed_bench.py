"""Benchmark: decoding speed and time to suggestion, against peers measured in the same run.

Run: .venv/bin/python bench/speed_bench.py [--new-tokens 48] [--skip-large] [--skip-genai] [--skip-llama]
     [--skip-transformers] [--device cpu]

Same ONNX model folder, same prompt token ids, greedy, a fixed number of new tokens (no early stop):
  baseline    our generator as first written: arrays passed in and out each step (the cache copied
              per step), one-token steps, nothing reused between requests, no drafts
  iobinding   preallocated cache bound as both past and present (no copies), nothing reused
  +lookup     iobinding + prompt-lookup speculative decoding (output identical to greedy)
  genai       onnxruntime-genai's own greedy generator on the same folder (the build environment's
              Python, a subprocess)
  llama.cpp   llama-cpp-python on the GGUF the ONNX model was built from (its own environment, built
              by bench/setup_peers.sh; bench/peer_llama_cpp.py, a subprocess)
  transformers  Hugging Face transformers, eager PyTorch, on the same GGUF dequantised to float32
              (the build environment; bench/peer_transformers.py, a subprocess), a shorter sample
The weights are the same checkpoint but not the same numbers: our ONNX folder and genai's are int4
(MatMulNBits), llama.cpp runs the GGUF's own quantisation (Q4_K_M: Q4_K/Q5_0/Q6_K/Q8_0 blocks) and
transformers the GGUF dequantised to float32. Every peer gets the same token ids and thread count.
Then the keystroke case through the real completion pipeline (KV reuse ratio, cold vs warm time to
suggestion), and the 1.5B model with the 0.5B as its draft (speed-up, identical output), and the
default each measured configuration would get from `choose_default`. Ratios are against peers
measured here, in this run.
"""

from __future__ import annotations

import argparse
import json
import os
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


def _peer(name: str, python: Path, script: list[str], request: dict, missing: str) -> list[dict] | None:
    """Runs a peer in its own environment; prints why and returns None when it cannot."""
    if not python.is_file():
        print(f"{name}: {missing}; skipped")
        return None
    try:
        result = subprocess.run([str(python), *script], input=json.dumps(request), capture_output=True, text=True,
                                timeout=1800)
    except subprocess.TimeoutExpired:
        print(f"{name}: no result in 30 minutes; skipped")
        return None
    if result.returncode != 0:
        print(f"{name} failed:", result.stderr.strip()[-800:])
        return None
    try:
        return json.loads(result.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        print(f"{name}: unreadable output:", result.stdout.strip()[-300:], result.stderr.strip()[-500:])
        return None


def run_genai(folder: Path, prompts: list[list[int]], new_tokens: int) -> list[dict] | None:
    return _peer("genai", cache_dir() / "build-env" / "bin" / "python", ["-c", GENAI_SCRIPT],
                 {"folder": str(folder), "prompts": prompts, "new_tokens": new_tokens},
                 "the model build environment is missing")


def gguf_of(name: str) -> Path:
    return cache_dir() / "gguf" / f"{name}.gguf"


def run_llama(gguf: Path, prompts: list[list[int]], new_tokens: int, threads: int) -> list[dict] | None:
    env = cache_dir() / "llama-env"
    if not gguf.is_file():
        print(f"llama.cpp: the GGUF {gguf.name} is missing (codewhisperer-lsp model build); skipped")
        return None
    if not (env / ".installed").is_file():
        print("llama.cpp: its environment is not built (bench/setup_peers.sh); skipped")
        return None
    return _peer("llama.cpp", env / "bin" / "python", [str(ROOT / "bench" / "peer_llama_cpp.py")],
                 {"gguf": str(gguf), "prompts": prompts, "new_tokens": new_tokens, "threads": threads},
                 "its environment has no Python (bench/setup_peers.sh)")


def run_transformers(gguf: Path, prompts: list[list[int]], new_tokens: int, threads: int) -> list[dict] | None:
    if not gguf.is_file():
        print(f"transformers: the GGUF {gguf.name} is missing (codewhisperer-lsp model build); skipped")
        return None
    return _peer("transformers", cache_dir() / "build-env" / "bin" / "python",
                 [str(ROOT / "bench" / "peer_transformers.py")],
                 {"gguf": str(gguf), "prompts": prompts, "new_tokens": new_tokens, "threads": threads},
                 "the model build environment is missing")


def peer_row(name: str, runs: list[dict]) -> tuple[str, float, float]:
    return (name, sum(len(g["tokens"]) - 1 for g in runs) / sum(g["decode_s"] for g in runs),
            1000 * statistics.median(g["first_s"] for g in runs))


class OneRow(OnnxGenerator):
    """IO binding without the two-row padding (one-row steps, as the baseline takes)."""

    def __init__(self, folder, **kwargs):
        super().__init__(folder, speculate=False, **kwargs)

    def _run(self, tokens):
        return self.state.run(tokens)


def section_decode(folder: Path, args) -> dict:
    threads = args.threads
    print(f"\n## Decoding: {SMALL}, {args.prompts} prompts of {args.prompt_tokens} tokens, "
          f"{args.new_tokens} new tokens, greedy; configurations interleaved, {args.rounds} rounds; "
          f"{threads} threads for every engine")
    base = Baseline(folder, device=args.device, threads=threads)
    one_row = OneRow(folder, device=args.device, threads=threads)
    ours = OnnxGenerator(folder, device=args.device, threads=threads, speculate=False)
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
    del base, one_row, ours
    gguf = gguf_of(SMALL)
    peers = {}
    if not args.skip_genai:
        peers["genai"] = run_genai(folder, prompts * args.rounds, args.new_tokens)
    if not args.skip_llama:
        peers["llama.cpp"] = run_llama(gguf, prompts * args.rounds, args.new_tokens, threads)
    tf_prompts = prompts[: args.transformers_prompts]
    if not args.skip_transformers:
        peers["transformers"] = run_transformers(gguf, tf_prompts, args.transformers_tokens, threads)
    rows = [(name, decode_rate(r), first_token_ms(r)) for name, r in runs.items()]
    rows += [peer_row(name, got) for name, got in peers.items() if got]
    peer = dict((name, rate) for name, rate, _ in rows)
    columns = ["baseline", "genai", "llama.cpp", "transformers"]
    print(f"{'generator':<15} {'decode tok/s':>12} {'first token ms':>15} "
          + " ".join(f"{'x ' + c:>14}" for c in columns))
    for name, rate, first in rows:
        ratios = " ".join(f"{rate / peer[c]:>14.2f}" if c in peer else f"{'-':>14}" for c in columns)
        print(f"{name:<15} {rate:>12.1f} {first:>15.0f} {ratios}")
    print("x PEER = this row's decode tokens/s over PEER's (> 1: faster than PEER).")
    print("Weights: ours and genai run the int4 ONNX folder (MatMulNBits); llama.cpp runs the GGUF it was "
          "built from in the GGUF's own quantisation (Q4_K_M); transformers runs that GGUF dequantised to float32."
          f" transformers: {len(tf_prompts)} prompts x {args.transformers_tokens} new tokens, once (it is slow);"
          " the other rows: every prompt, every round.")
    for name in ("genai", "llama.cpp", "transformers"):
        if name in peers and not peers[name]:
            print(f"{name}: no figures (see above)")
    same = all(a.token_ids == b.token_ids for a, b in zip(runs["iobinding"], runs["+lookup"]))
    drafted = sum(r.timings["drafted"] for r in runs["+lookup"])
    accepted = sum(r.timings["accepted"] for r in runs["+lookup"])
    passes = sum(r.timings["passes"] for r in runs["+lookup"])
    print(f"+lookup output identical to iobinding greedy: {same}; drafts accepted {accepted}/{drafted}; "
          f"{sum(len(r.token_ids) for r in runs['+lookup']) / passes:.2f} tokens per pass")
    for name, got in peers.items():
        if got:
            agree = [_agree(g["tokens"], r.token_ids) for g, r in zip(got, runs["iobinding"])]
            print(f"tokens equal to {name}'s before the first difference: {agree} of "
                  f"{len(got[0]['tokens'])}")
    if peers.get("transformers"):
        print(f"transformers: loading the GGUF (dequantising) took {peers['transformers'][0]['load_s']:.0f} s")
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


def peak_rss_mib() -> float:
    """This process's own peak RSS (VmHWM). Not ru_maxrss: after fork and exec, Linux carries the
    forked copy's peak over, so a child started by a big benchmark process reported the parent's
    size (2,730 MiB in one run, 1,062 in another, for the same work)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_child(args) -> int:
    """Peak RSS of one process serving the default model at a 2k-token context."""
    folder = folder_of(SMALL, args.target)
    gen = OnnxGenerator(folder, device=args.device)
    text = "".join((ROOT / rel).read_text() for rel in SOURCES) * 2
    ids = gen.encode(text)[:2048]
    gen.generate(ids, Sampling(max_new_tokens=32), set())
    gen.generate(ids[:-40] + ids[-20:], Sampling(max_new_tokens=32), set())  # a second state saved
    print(json.dumps({"rss_mib": peak_rss_mib(),
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
    from codewhisperer_lsp.model.selection import Measurement, choose_default
    from codewhisperer_lsp.model.timing import measure_single_line

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
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1,
                        help="threads for our generator and every peer (default: all cores)")
    parser.add_argument("--skip-genai", action="store_true")
    parser.add_argument("--skip-llama", action="store_true", help="skip llama.cpp (llama-cpp-python)")
    parser.add_argument("--skip-transformers", action="store_true", help="skip transformers (eager PyTorch)")
    parser.add_argument("--transformers-prompts", type=int, default=2)
    parser.add_argument("--transformers-tokens", type=int, default=16)
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
