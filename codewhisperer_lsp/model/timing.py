"""Time a warm single-line suggestion of each built model, loaded the way the engine loads it
(a larger model drafting with the small one, and without): what `model choose` decides from.

The prompts come from the caller (choose_model.py lays them out as the completion path does):
the model package knows no prompt layout.
"""

from __future__ import annotations

import gc
import statistics
import time
from typing import Callable

from codewhisperer_lsp.model import artifacts
from codewhisperer_lsp.model.choice_file import builds
from codewhisperer_lsp.model.runtime import Sampling
from codewhisperer_lsp.model.selection import Measurement, best_first

Report = Callable[[str], None]
# (generator, model name) -> [(prompt one keystroke earlier, prompt timed)] as token ids
Prompts = Callable[[object, str], list]


def measure_single_line(generator, prompts: list, stop_ids: set[int], max_new_tokens: int = 24,
                        repeats: int = 1) -> float:
    """p50 in ms of warm single-line suggestions; generation stops at the end of the line.

    Each prompt is either token ids, warmed without their last token, or a (before, after) pair of
    token ids: `before` is the prompt one keystroke earlier (it warms the cache) and `after` the
    prompt with that character typed, which is the one timed (the keystroke case)."""
    def line_done(text: str) -> bool:
        return "\n" in text.lstrip("\n")

    times = []
    for prompt in prompts:
        before, ids = prompt if isinstance(prompt, tuple) else (prompt[:-1], prompt)
        generator.generate(before, Sampling(max_new_tokens=1), stop_ids)
        for _ in range(repeats):
            started = time.monotonic()
            generator.generate(ids, Sampling(max_new_tokens=max_new_tokens), stop_ids, line_done)
            times.append((time.monotonic() - started) * 1000)
    return statistics.median(times)


def measure(prompts: Prompts, device: str = "auto", threads: int = 0, report: Report = print) -> list[Measurement]:
    """Load each built registered model as the engine does and time it on `prompts(generator,
    model name)`; one at a time, so a machine holds at most one large model (and its draft) in memory."""
    from codewhisperer_lsp.model.draft import attach_default_draft
    from codewhisperer_lsp.model.engine import locate
    from codewhisperer_lsp.model.runtime import OnnxGenerator

    measurements = []
    for name in best_first(list(builds(device))):
        try:
            spec, folder = locate(name, "", device)
        except artifacts.ArtifactError as exc:
            report(f"skipping {name}: {exc}")
            continue
        started = time.monotonic()
        generator = OnnxGenerator(folder.path, device, threads)
        draft = attach_default_draft(generator, spec.name, device, threads)
        on = "cuda" if generator.provider.startswith("CUDA") else "cpu"
        # A larger model is timed with the small one drafting and with prompt lookup alone: which
        # is faster depends on the machine (on two CPU cores the draft model costs more than it saves).
        drafting = generator.draft
        for drafted in ((draft, None) if draft else (None,)):
            generator.draft = drafting if drafted else None
            p50 = measure_single_line(generator, prompts(generator, spec.name), set(spec.stop_token_ids))
            measurements.append(Measurement(spec.name, round(p50, 1), on, drafted))
            report(f"measured {spec.name}{' + ' + drafted + ' draft' if drafted else ''} on {on}: "
                   f"p50 {p50:,.0f} ms ({time.monotonic() - started:.0f} s with the load)")
        del generator
        gc.collect()
    return measurements
