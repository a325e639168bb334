"""Choose the default model for this machine from a measurement, not a guess.

The better model is worth it where it answers within the latency target: always on a GPU, and on
a CPU when its measured time to a single-line suggestion (speculative, with the small model as
its draft) stays under the target. Otherwise the small model is the default.
"""

from __future__ import annotations

import logging
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


def measure_single_line(generator, prompts: list[list[int]], stop_ids: set[int], max_new_tokens: int = 24,
                        repeats: int = 1) -> float:
    """p50 in ms of warm single-line suggestions: each prompt is run once to warm its cache, then
    again with one more token typed (the keystroke case); generation stops at the end of the line."""
    def line_done(text: str) -> bool:
        return "\n" in text.lstrip("\n")

    from codewhisperer_lsp.model.runtime import Sampling

    times = []
    for ids in prompts:
        generator.generate(ids[:-1], Sampling(max_new_tokens=1), stop_ids)
        for _ in range(repeats):
            started = time.monotonic()
            generator.generate(ids, Sampling(max_new_tokens=max_new_tokens), stop_ids, line_done)
            times.append((time.monotonic() - started) * 1000)
    return statistics.median(times)


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
