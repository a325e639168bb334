"""Choose the default model for this machine from a measurement, not a guess.

The better model is worth it where it answers within the latency target: always on a GPU, and on
a CPU when its measured time to a single-line suggestion (speculative, with the small model as
its draft) stays under the target. Otherwise the small model is the default. Pure functions:
timing.py measures, choice_file.py remembers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from codewhisperer_lsp.model.registry import default_model

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


def best_first(names: list[str]) -> list[str]:
    """Registered models, the better first: the larger parameter count (from the name), and the
    registry's default (the small, fast one) last among equals."""
    def size(name: str) -> float:
        found = re.search(r"-(\d+(?:\.\d+)?)b(?:-|$)", name)
        return float(found.group(1)) if found else 0.0

    return sorted(names, key=lambda name: (-size(name), name == default_model(), name))


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
