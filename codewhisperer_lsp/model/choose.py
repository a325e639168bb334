"""Choose the default model for this machine from a measurement, not a guess.

The better model is worth it where it answers within the latency target: always on a GPU, and on
a CPU when its measured time to a single-line suggestion (speculative, with the small model as
its draft) stays under the target. Otherwise the small model is the default.
"""

from __future__ import annotations

import logging
import re
import statistics
import time
from dataclasses import dataclass

log = logging.getLogger(__name__)

TARGET_MS = 350.0  # warm single-line time to suggestion, p50


@dataclass(frozen=True)
class Measurement:
    model: str
    p50_ms: float  # warm single-line time to suggestion
    device: str = "cpu"
    draft: str | None = None


def choose_default(measurements: list[Measurement], best_first: list[str], target_ms: float = TARGET_MS) -> Measurement:
    """The best model (in `best_first` order) that runs on a GPU or meets `target_ms`; else the fastest."""
    if not measurements:
        raise ValueError("no measurements to choose from")
    rank = {name: i for i, name in enumerate(best_first)}
    ordered = sorted(measurements, key=lambda m: (rank.get(m.model, len(rank)), m.p50_ms))
    for m in ordered:
        if m.device == "cuda" or m.p50_ms <= target_ms:
            return m
    return min(measurements, key=lambda m: m.p50_ms)


def measure_single_line(generator, prompts: list, stop_ids: set[int], max_new_tokens: int = 24,
                        repeats: int = 1) -> float:
    """p50 in ms of warm single-line suggestions; generation stops at the end of the line.

    Each prompt is either token ids, warmed without their last token, or a (before, after) pair of
    token ids: `before` is the prompt one keystroke earlier (it warms the cache) and `after` the
    prompt with that character typed, which is the one timed (the keystroke case)."""
    def line_done(text: str) -> bool:
        return "\n" in text.lstrip("\n")

    from codewhisperer_lsp.model.runtime import Sampling

    times = []
    for prompt in prompts:
        before, ids = prompt if isinstance(prompt, tuple) else (prompt[:-1], prompt)
        generator.generate(before, Sampling(max_new_tokens=1), stop_ids)
        for _ in range(repeats):
            started = time.monotonic()
            generator.generate(ids, Sampling(max_new_tokens=max_new_tokens), stop_ids, line_done)
            times.append((time.monotonic() - started) * 1000)
    return statistics.median(times)


def short_name(model: str) -> str:
    """"1.5B" for qwen2.5-coder-1.5b-instruct: the parameter count, which tells registered models apart."""
    found = re.search(r"-(\d+(?:\.\d+)?)b(?:-|$)", model)
    return f"{found.group(1)}B" if found else model


def explain(measurements: list[Measurement], chosen: Measurement, best_first: list[str],
            target_ms: float = TARGET_MS) -> str:
    """Why `chosen` (the answer of choose_default) won, in one line for a status bar or a log."""
    def ms(m: Measurement) -> str:
        return f"{m.p50_ms:,.0f} ms p50"

    rank = {name: i for i, name in enumerate(best_first)}
    better = sorted((m for m in measurements if rank.get(m.model, len(rank)) < rank.get(chosen.model, len(rank))),
                    key=lambda m: rank.get(m.model, len(rank)))
    arrow = f"\u2192 {short_name(chosen.model)}"
    if chosen.device == "cuda":
        return f"on a GPU the best built model: {short_name(chosen.model)} measured {ms(chosen)} {arrow}"
    within = chosen.p50_ms <= target_ms
    if better:
        slow = ", ".join(f"{short_name(m.model)}{' + ' + short_name(m.draft) + ' draft' if m.draft else ''} "
                         f"measured {ms(m)}" for m in better)
        return (f"{slow} > {target_ms:,.0f} ms target {arrow} ({ms(chosen)}"
                f"{'' if within else ', none within the target: the fastest'})")
    if within:
        return f"{short_name(chosen.model)} measured {ms(chosen)} \u2264 {target_ms:,.0f} ms target {arrow}"
    return f"none within the {target_ms:,.0f} ms target {arrow}, the fastest ({ms(chosen)})"


def attach_default_draft(generator, model: str, device: str = "auto", threads: int = 0) -> str | None:
    """Give a larger registered model the registry's default (smaller, same tokenizer) as its
    speculative draft when that is built; returns the draft's name, or None."""
    from codewhisperer_lsp.model import artifacts
    from codewhisperer_lsp.model.registry import default_model
    from codewhisperer_lsp.model.runtime import OnnxGenerator

    small = default_model()
    if model == small:
        return None
    for target in ("cuda", "cpu") if generator.provider.startswith("CUDA") else ("cpu",):
        try:
            folder = artifacts.verify(artifacts.build_dir(small, target), "")
            generator.attach_draft(OnnxGenerator(folder.path, device, threads))
            return small
        except (artifacts.ArtifactError, ValueError, RuntimeError) as exc:
            log.info("no %s draft for %s: %s", target, model, exc)
    return None
