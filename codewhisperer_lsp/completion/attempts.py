"""The attempts step of the completion path: which ways of asking the model a request makes
(`attempts_for`), and asking them (`run`), each answer as a raw candidate for cleaning.

A candidate is the text the model wrote after the part of the prefix taken off for token healing;
an answer that does not start with that part is dropped here (a remote engine cannot be made to
write it).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

from codewhisperer_lsp.completion import prompt as prompts
from codewhisperer_lsp.completion.stops import stop_rule
from codewhisperer_lsp.completion.situation import Situation
from codewhisperer_lsp.config import Settings
from codewhisperer_lsp.model.generator import Generator
from codewhisperer_lsp.model.runtime import Sampling


@dataclass(frozen=True)
class Attempt:
    """One way of asking the model for a candidate."""
    fim: bool  # the prompt shows the text after the cursor (fill-in-the-middle)
    first_rank: int = 0  # start with the (first_rank+1)-th likeliest first token, greedy after it
    temperature: float = 0.0
    seed: int = 0

    @property
    def label(self) -> str:
        how = f"t{self.temperature:g}s{self.seed}" if self.temperature else f"r{self.first_rank}"
        return ("fim" if self.fim else "prefix") + "-" + how


def line_pool(fim: bool) -> tuple[Attempt, ...]:
    """A manual trigger on a line with code below it: the plan's prompt, the other layout, and the
    plan's prompt starting with its second-likeliest token, ranked by how well the following code
    fits (rerank.py). In process on the first 82 masked HumanEval lines (29 with two or more
    candidates), the best of these by the score passed as often as the best of eight (two more
    samples and branches of each layout)."""
    return Attempt(fim), Attempt(not fim), Attempt(fim, 1)


def attempts_for(fim: bool, invoked: bool, settings: Settings, ranking: bool) -> tuple[Attempt, ...]:
    """How to ask for the candidates; `fim`: the layout the plan takes here."""
    if not invoked:
        return (Attempt(fim),)  # an automatic trigger: one answer, fast
    if ranking:
        return line_pool(fim)
    return (Attempt(fim),) + tuple(Attempt(fim, temperature=settings.temperature, seed=seed)
                                   for seed in range(1, settings.numSuggestions))


class PromptMaker:
    """The prompts of one request: both layouts share the header, the budget and the window's
    start line, and each is built once (healed where the engine can heal)."""

    def __init__(self, generator: Generator, template: str, header: str, situation: Situation, budget: int,
                 start: int | None, suffix_max: int | None = None):
        self.generator, self.template, self.header = generator, template, header
        self.situation, self.budget, self.start = situation, budget, start
        self.suffix_max = suffix_max
        self._built: dict[bool, prompts.Prompt] = {}

    def build(self, heal: bool, fim: bool, start_line: int | None = None) -> prompts.Prompt:
        return prompts.build(self.generator, self.template, self.header, self.situation.prefix,
                             self.situation.suffix, use_fim=fim, budget=self.budget, heal_tokens=heal,
                             start_line=self.start if start_line is None else start_line, suffix_max=self.suffix_max)

    def unhealed(self, fim: bool) -> prompts.Prompt:
        return self.build(False, fim)

    def layout(self, fim: bool) -> prompts.Prompt:
        if fim not in self._built:
            self._built[fim] = self.build(self.generator.can_heal, fim)
        return self._built[fim]

    def move_to(self, start: int) -> None:
        """Start the window at line `start` from now on (a short window on a cold region)."""
        self.start = start
        self._built.clear()


@dataclass
class Candidates:
    """What the attempts gave: (attempt label, text after the healed part) in attempt order."""
    texts: list[tuple[str, str]] = field(default_factory=list)
    unhealed_retry: bool = False


def _constraint(healer_for: Callable[[], prompts.Healer], generator: Generator, prompt: prompts.Prompt,
                attempt: Attempt) -> Callable | None:
    if not generator.abilities.constrains:
        return None
    healer = healer_for()
    if attempt.first_rank:
        return healer.branch(prompt.healed, generator.decode, attempt.first_rank)
    return healer.constraint(prompt.healed, generator.decode)


def run(generator: Generator, maker: PromptMaker, attempts: tuple[Attempt, ...], max_new_tokens: int,
        stop_ids: set[int], healer_for: Callable[[], prompts.Healer], cancelled: Callable[[], bool],
        timings: dict, started: float) -> Candidates:
    """Ask the model once per attempt; the first answer's figures go into `timings`."""
    situation = maker.situation
    out = Candidates()
    attempt_ms = timings.setdefault("attempt_ms", [])
    for index, attempt in enumerate(attempts):
        attempt_at = time.monotonic()
        prompt = maker.layout(attempt.fim)
        sampling = Sampling(max_new_tokens=max_new_tokens, temperature=attempt.temperature, seed=attempt.seed)
        generation = generator.generate(prompt.ids, sampling, stop_ids, stop_rule(situation, prompt.healed),
                                        cancelled, _constraint(healer_for, generator, prompt, attempt),
                                        prompt_text=prompt.text)
        if index == 0:
            timings.update(first_ms=(time.monotonic() - started) * 1000,
                           reused_tokens=generation.reused_tokens, prefill_s=generation.prefill_s,
                           decode_s=generation.decode_s, generated=len(generation.token_ids))
        text = generation.text
        attempt_ms.append(round((time.monotonic() - attempt_at) * 1000, 1))
        if not text.startswith(prompt.healed):
            continue
        body = text[len(prompt.healed):]
        if index == 0 and not body.strip() and prompt.healed.isspace() and generator.abilities.constrains:
            body = without_healing(generator, maker.unhealed(attempt.fim), situation, sampling, stop_ids, cancelled)
            out.unhealed_retry = True
        out.texts.append((attempt.label, body))
    return out


def without_healing(generator: Generator, prompt: prompts.Prompt, situation: Situation, sampling: Sampling,
                    stop_ids: set[int], cancelled: Callable[[], bool]) -> str:
    """Once in a while a healed indentation sends the model into a run of spaces (5% of the
    masked HumanEval lines). Then the prompt keeps the indentation (`prompt`, built unhealed),
    and the spaces the model writes again after it are dropped: the cursor already stands there."""
    generation = generator.generate(prompt.ids, sampling, stop_ids, stop_rule(situation, ""), cancelled, None,
                                    prompt_text=prompt.text)
    return generation.text.lstrip(" \t")
