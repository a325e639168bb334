"""The completion path, top to bottom: situate the cursor (completion kind from the syntax tree,
and its plan), build the prompt within its budget, generate (stopping as soon as the kind's stop
rule is met), post-process, de-duplicate, and put the items that keep the syntax whole first.

Plain Python: takes a snapshot of the document and returns suggestion texts. Runs on a worker
thread; `cancelled()` is checked at every decoding step.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Callable

from codewhisperer_lsp.completion import crossfile
from codewhisperer_lsp.completion import prompt as prompts
from codewhisperer_lsp.completion import rerank
from codewhisperer_lsp.completion import warmup
from codewhisperer_lsp.completion.auto_imports import strip_body_imports
from codewhisperer_lsp.completion.blocks import block_finished, signature_end, statement_end
from codewhisperer_lsp.completion.kinds import Stop
from codewhisperer_lsp.completion.postprocess import postprocess
from codewhisperer_lsp.completion.ranking import by_syntax
from codewhisperer_lsp.completion.situation import Situation, situate
from codewhisperer_lsp.config import Settings
from codewhisperer_lsp.levers import DEFAULT_LEVERS, LEVERS, levers  # noqa: F401 (re-exported)
from codewhisperer_lsp.model.engine import ModelEngine
from codewhisperer_lsp.model.runtime import Sampling

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CompletionRequest:
    uri: str
    language_id: str
    text: str
    version: int
    offset: int  # cursor as an index into `text`
    invoked: bool  # manual trigger: several items
    documents: tuple[crossfile.OpenDocument, ...] = ()  # the other open documents, for context
    root: str = ""  # the workspace folder, where the files this one imports are looked for


@dataclass
class CompletionResult:
    items: list[str]
    kind: str | None = None  # the CompletionKind value the cursor was classified as
    timings: dict = field(default_factory=dict)
    imports: dict = field(default_factory=dict)  # item text -> import lines taken out of its body
    needed_imports: dict = field(default_factory=dict)  # item text -> import statements to add on accept

    @property
    def shape(self) -> str | None:
        """Former name of `kind`."""
        return self.kind


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


# A cold region (the window's state is not cached: a jump, a newly opened file) answers first from a
# short window when the full one would compute more than QUICK_PREFILL tokens; the full window is
# then prefilled while the user reads (warmup.py) and serves the next keystroke. After an edit the
# warm-up computes the window through BELOW_LINES lines under the last request's line (the budget allowing).
QUICK_PREFILL = 160
QUICK_TOKENS = 144  # a short window's lines when it starts; it grows to the budget as the cursor moves down
BELOW_LINES = 48

# The speed levers (levers.py). `quick` is off by default: on the idle replay it cut p50 further
# (1,132 vs 2,381 ms) but lost 2 of 20 exact first lines and made a manual trigger after a quick
# answer 2.4x slower (8.5 vs 3.5 s).


BLANK_RUN_MAX = 24  # characters of nothing but whitespace after which a line suggestion gives up


def stop_rule(situation: Situation, healed: str) -> Callable[[str], bool]:
    """When generation can stop: the text (healed part included) holds what the kind asks for."""
    stop = situation.stop
    if stop is Stop.LINE:
        return lambda text: "\n" in text[len(healed):]
    if stop is Stop.NEXT_LINE:
        def line_done(text: str) -> bool:
            body = text[len(healed):]
            if len(body) > BLANK_RUN_MAX and not body.strip():
                return True  # only whitespace so far: the model has lost its way
            return "\n" in (body.lstrip("\n") if situation.line_prefix.strip() else body.lstrip())
        return line_done
    if stop is Stop.SIGNATURE:
        def signature_done(text: str) -> bool:
            body = text[len(healed):].lstrip("\n")
            if statement_end(situation.language_id, body) is not None:
                return True  # a statement, not a definition: that line is the suggestion
            return "\n" in body and (signature_end(situation.language_id, body) is not None
                                     or body.count("\n") > 8)
        return signature_done

    def block_done(text: str) -> bool:
        return block_finished(situation.language_id, situation.prefix, text[len(healed):])
    return block_done


class CompletionService:
    def __init__(self, engine: ModelEngine):
        self.engine = engine
        self._healer = None
        self.crossfile = crossfile.CrossFileContext()
        self.windows = prompts.Windows()
        self.quick_windows = prompts.Windows(grid=4)
        self.warmer = warmup.shared()
        self.levers = levers()
        self._regions: dict[str, tuple] = {}  # uri -> (generator, lead text, window starts, cursor line)

    def changed(self, uri: str, text: Callable[[], str | None]) -> None:
        """The document was edited: once the user stops, prefill its windows (the one the last
        request used first) through BELOW_LINES lines under that request's line (`text()` gives
        the document's text then)."""
        self.warmer.activity()
        region = self._regions.get(uri)
        if region is None:
            return
        generator, lead, starts, line, most = region

        def make_ids() -> list[list[int]]:
            current = text()
            if current is None:
                return []
            lines = current.split("\n")
            end = min(len(lines), line + BELOW_LINES)
            # no further than a prompt from that start may reach (the budget), nothing a request would not use
            return [generator.encode(lead + "\n".join(lines[start:end]) + "\n")[:most] for start in starts if start < end]
        self.warmer.want(generator, make_ids)

    def forget(self, uri: str) -> None:
        self._regions.pop(uri, None)
        self.windows.forget(uri)
        self.quick_windows.forget(uri)

    def _healer_for(self, generator):
        if self._healer is None:
            first_special = min(self.engine.spec.special_tokens.values())
            self._healer = prompts.Healer(generator.token_texts, first_special)
        return self._healer

    def complete(self, request: CompletionRequest, settings: Settings,
                 cancelled: Callable[[], bool] = lambda: False) -> CompletionResult:
        self.warmer.begin()
        try:
            return self._complete(request, settings, cancelled)
        finally:
            self.warmer.end()

    def _complete(self, request: CompletionRequest, settings: Settings,
                  cancelled: Callable[[], bool]) -> CompletionResult:
        started = time.monotonic()
        generator = self.engine.generator()
        spec = self.engine.spec
        situation = situate(request.language_id, request.text, request.offset, request.uri)
        kind = situation.kind.value
        timings = {"situate_ms": (time.monotonic() - started) * 1000}
        if situation.plan is None:
            log.debug("completion %s kind=%s: nothing to suggest here", request.uri, kind)
            return CompletionResult([], kind, timings)
        plan = situation.plan
        context = self._cross_file(request, settings, generator, spec.file_header)
        timings.update(context_tokens=context.tokens, context_ms=context.gather_ms,
                       context_files=list(context.files), context_reused=context.reused)
        # Other files' snippets first, the current file last: the snippets stay put while the user
        # types here, so the model state of that start of the prompt is reused.
        header = context.text + spec.file_header.format(path=request.uri.rsplit("/", 1)[-1])
        # A remote engine takes no logit mask: its prompt still ends at a token boundary, and an answer
        # that does not start with the text taken off is dropped below.
        remote = getattr(generator, "remote", False)

        budget = settings.maxPromptTokens - context.tokens
        lines = situation.prefix.split("\n")
        # one start for both layouts: the fill-in-the-middle one's prefix budget (the other has room to spare)
        start = self.windows.start_for(request.uri, lines, generator, budget - prompts.suffix_budget_of(budget, True)) \
            if "regions" in self.levers else None
        quick, quick_start = False, None

        def build_at(heal: bool, fim: bool, start_line: int | None) -> prompts.Prompt:
            return prompts.build(generator, spec.fim_template, header, situation.prefix, situation.suffix,
                                 use_fim=fim, budget=budget, heal_tokens=heal, start_line=start_line)

        def build(heal: bool, fim: bool) -> prompts.Prompt:
            return build_at(heal, fim, quick_start if quick else start)

        can_heal = getattr(generator, "can_heal", True)
        built: dict[bool, prompts.Prompt] = {}

        def prompt_for(fim: bool) -> prompts.Prompt:
            if fim not in built:
                built[fim] = build(can_heal, fim)
            return built[fim]

        def constraint(prompt: prompts.Prompt, attempt: Attempt) -> Callable | None:
            if remote:
                return None  # a remote engine takes no logit mask
            healer = self._healer_for(generator)
            if attempt.first_rank:
                return healer.branch(prompt.healed, generator.decode, attempt.first_rank)
            return healer.constraint(prompt.healed, generator.decode)

        code_below = rerank.following(situation.suffix) is not None
        fim = plan.fim_for(request.invoked, code_below)
        ranking = request.invoked and rerank.can_rank(generator) and plan.stop in (Stop.LINE, Stop.NEXT_LINE) \
            and code_below
        attempts = attempts_for(fim, request.invoked, settings, ranking)
        lead = (spec.fim_template.split("{prefix}")[0] if fim else "")
        if hasattr(generator, "reusable"):
            full = prompt_for(fim)
            cold = len(full.ids) - generator.reusable(full.ids)
            timings["cold_tokens"] = cold
            if cold > QUICK_PREFILL and not request.invoked and "quick" in self.levers and start is not None:
                # the short window already in use here if it is still warm, else a new one near the cursor
                best = cold
                for option in self.quick_windows.options(request.uri, lines, generator,
                                                         budget - prompts.suffix_budget_of(budget, True), QUICK_TOKENS):
                    ids = build_at(can_heal, fim, option).ids
                    option_cold = len(ids) - generator.reusable(ids)
                    if option > start and option_cold < best:
                        best, quick_start = option_cold, option
                if best < cold:
                    quick = True
                    self.quick_windows.remember(request.uri, quick_start)
                    built.clear()
                    timings["cold_tokens"] = best
                timings["quick_window"] = quick
            cursor_line = len(lines) - 1
            starts = [quick_start, start] if quick else [start]
            if "warm" in self.levers and start is not None:
                self._regions[request.uri] = (generator, header + lead, starts, cursor_line,
                                              len(generator.encode(header + lead)) + budget)
            if quick and "warm" in self.levers:  # the full window, up to the cursor's line, while the user reads the quick answer
                self.warmer.want(generator, lambda: [generator.encode(
                    header + lead + "\n".join(lines[start:cursor_line]) + "\n")] if cursor_line > start else [])
        extra = {"prompt_text": prompt_for(fim).text} if remote else {}
        items: list[str] = []
        origins: dict[str, list[str]] = {}
        imports: dict[str, tuple[str, ...]] = {}
        before = request.text[:request.offset]
        timings["prompt_tokens"] = len(prompt_for(fim).ids)
        for index, attempt in enumerate(attempts):
            prompt = prompt_for(attempt.fim)
            sampling = Sampling(max_new_tokens=min(plan.budget, settings.maxNewTokens),
                                temperature=attempt.temperature, seed=attempt.seed)
            generation = generator.generate(prompt.ids, sampling, set(spec.stop_token_ids),
                                            stop_rule(situation, prompt.healed), cancelled,
                                            constraint(prompt, attempt), **extra)
            if index == 0:
                timings.update(first_ms=(time.monotonic() - started) * 1000,
                               reused_tokens=generation.reused_tokens, prefill_s=generation.prefill_s,
                               decode_s=generation.decode_s, generated=len(generation.token_ids))
            text = generation.text
            if not text.startswith(prompt.healed):
                continue
            body = text[len(prompt.healed):]
            if index == 0 and not body.strip() and prompt.healed.isspace() and not remote:
                body = self._without_healing(generator, build(False, attempt.fim), situation, sampling, cancelled)
                timings["unhealed_retry"] = True
            cleaned = postprocess(situation, body)
            cleaned, taken = strip_body_imports(request.language_id, before, cleaned) if cleaned else ("", ())
            if not cleaned:
                continue
            origins.setdefault(cleaned, []).append(attempt.label)
            if cleaned not in items:
                items.append(cleaned)
                if taken:
                    imports[cleaned] = taken
        if ranking:
            ranked_at = time.monotonic()
            scored = rerank.scores(generator, build(False, False).text, items, situation.suffix, cancelled)
            items = rerank.ranked(items, scored)[:settings.numSuggestions]
            timings.update(rank_ms=(time.monotonic() - ranked_at) * 1000,
                           candidates=[(origins[item], round(scored[item], 2) if scored else None) for item in items])
        items = by_syntax(situation.language_id, before, request.text[request.offset:], items)
        timings["total_ms"] = (time.monotonic() - started) * 1000
        log.debug("completion %s kind=%s items=%d %s", request.uri, kind, len(items), timings)
        return CompletionResult(items, kind, timings, imports)

    def _without_healing(self, generator, prompt: prompts.Prompt, situation: Situation, sampling: Sampling,
                         cancelled: Callable[[], bool]) -> str:
        """Once in a while a healed indentation sends the model into a run of spaces (5% of the
        masked HumanEval lines). Then the prompt keeps the indentation (`prompt`, built unhealed),
        and the spaces the model writes again after it are dropped: the cursor already stands there."""
        generation = generator.generate(prompt.ids, sampling, set(self.engine.spec.stop_token_ids),
                                        stop_rule(situation, ""), cancelled, None)
        return generation.text.lstrip(" \t")

    def _cross_file(self, request: CompletionRequest, settings: Settings, generator, file_header: str
                    ) -> crossfile.Context:
        """Snippets of the other open documents and imported files; never fails a suggestion."""
        if not settings.crossFileContext or not (request.documents or request.root):
            return crossfile.Context()
        try:
            return self.crossfile.context(
                request.uri, request.language_id, request.text, request.offset, request.documents, request.root,
                file_header, lambda text: len(generator.encode(text)),
                int(settings.maxPromptTokens * crossfile.SHARE))
        except Exception:  # context is a bonus: a suggestion without it beats none
            log.exception("context from other files failed for %s", request.uri)
            return crossfile.Context()
