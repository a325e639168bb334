"""The completion path, top to bottom: situate the cursor (completion kind from the syntax tree,
and its plan), build the prompt within its budget, then three steps, each its own module:
attempts (ask the model, stopping as soon as the kind's stop rule is met), cleaning
(post-process, de-duplicate) and ranking (the items that fit the code below and keep the syntax
whole first). A new line where the document says a block closes gets its closer
(closer.py), without asking the model.

Plain Python: takes a snapshot of the document and returns suggestion texts. Runs on a worker
thread; `cancelled()` is checked at every decoding step.
"""

from __future__ import annotations

import enum
import logging
import time
from dataclasses import dataclass, field
from typing import Callable

from codewhisperer_lsp.completion import continuation, crossfile, placeholder
from codewhisperer_lsp.completion.closer import missing_closer
from codewhisperer_lsp.completion import prompt as prompts
from codewhisperer_lsp.completion import rerank
from codewhisperer_lsp.completion import warmup
from codewhisperer_lsp.completion.attempts import Attempt, PromptMaker, attempts_for, line_pool  # noqa: F401
from codewhisperer_lsp.completion.attempts import run as run_attempts
from codewhisperer_lsp.completion.cleaning import Cleaned, clean
from codewhisperer_lsp.completion.kinds import Stop
from codewhisperer_lsp.completion.ranking import by_syntax
from codewhisperer_lsp.completion.situation import Situation, situate
from codewhisperer_lsp.completion.stops import BLANK_RUN_MAX, stop_rule  # noqa: F401
from codewhisperer_lsp.config import Settings
from codewhisperer_lsp.levers import DEFAULT_LEVERS, LEVERS, levers  # noqa: F401 (re-exported)
from codewhisperer_lsp.model.engine import ModelEngine
from codewhisperer_lsp.model.generator import Generator, chunks_may_move

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


class Outcome(enum.Enum):
    ANSWERED = "answered"  # a prompt was built and the model ran (its items may still be empty)
    NOTHING_HERE = "nothing here"  # no suggestion makes sense at this cursor; the model was not asked
    UNAVAILABLE = "unavailable"  # no model to ask (loading, missing, a remote engine down): `message` says why


@dataclass
class CompletionResult:
    items: list[str]
    kind: str | None = None  # the CompletionKind value the cursor was classified as
    timings: dict = field(default_factory=dict)  # measurements only (ms, tokens), for logs and benchmarks
    imports: dict = field(default_factory=dict)  # item text -> import lines taken out of its body
    needed_imports: dict = field(default_factory=dict)  # item text -> import statements to add on accept
    outcome: Outcome = Outcome.ANSWERED
    message: str = ""  # why, when UNAVAILABLE

    @classmethod
    def unavailable(cls, message: str) -> "CompletionResult":
        return cls([], None, outcome=Outcome.UNAVAILABLE, message=message)

    @property
    def model_ran(self) -> bool:
        return self.outcome is Outcome.ANSWERED

    @property
    def shape(self) -> str | None:
        """Former name of `kind`."""
        return self.kind


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


def rank(generator: Generator, situation: Situation, request: CompletionRequest, cleaned: Cleaned,
         unhealed_before: Callable[[], str], ranking: bool, limit: int, cancelled: Callable[[], bool],
         timings: dict) -> list[str]:
    """The ranking step: on a manual line trigger with code below, by how well that code follows
    each item (rerank.py), keeping `limit`; then the items that keep the syntax whole first."""
    items = cleaned.items
    if ranking:
        ranked_at = time.monotonic()
        scored = rerank.scores(generator, unhealed_before(), items, situation.suffix, cancelled)
        items = rerank.ranked(items, scored)[:limit]
        timings.update(rank_ms=(time.monotonic() - ranked_at) * 1000,
                       candidates=[(cleaned.origins[item], round(scored[item], 2) if scored else None)
                                   for item in items])
    return by_syntax(situation.language_id, request.text[:request.offset], request.text[request.offset:], items)


class CompletionService:
    def __init__(self, engine: ModelEngine, block_engine: ModelEngine | None = None):
        self.engine = engine
        self.block_engine = block_engine  # the blockModel setting's, for a manual trigger's bodies
        self._healers: dict[int, prompts.Healer] = {}
        self.crossfile = crossfile.CrossFileContext()
        self.windows = prompts.Windows()
        self.quick_windows = prompts.Windows(grid=4)
        self.warmer = warmup.shared()
        self.levers = levers()
        self._regions: dict[str, tuple] = {}  # uri -> (generator, lead text, window starts, cursor line)
        # A manual trigger between code offering the block, not one line (continuation.py): off, the tune
        # part measured it below the line-by-line protocol and the bare model (docs/QUALITY.md)
        self.blocks = False

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

    def _healer_for(self, generator: Generator, engine: ModelEngine | None = None) -> prompts.Healer:
        if id(generator) not in self._healers:
            first_special = min((engine or self.engine).spec.special_tokens.values())
            self._healers[id(generator)] = prompts.Healer(generator.token_texts, first_special)
        return self._healers[id(generator)]

    def _engine_for(self, request: CompletionRequest, situation: Situation, settings: Settings) -> ModelEngine:
        """The blockModel setting's engine for a manual trigger's function or block body, once it is
        loaded; the main engine otherwise (and while it loads)."""
        block = self.block_engine
        if (block is not None and settings.blockModel and request.invoked and situation.stop is Stop.BLOCK
                and block.status.state == "ready"):
            return block
        return self.engine

    def complete(self, request: CompletionRequest, settings: Settings,
                 cancelled: Callable[[], bool] = lambda: False) -> CompletionResult:
        self.warmer.begin()
        try:
            with chunks_may_move(request.invoked):  # the runtime's shift mode decides what this allows
                return self._complete(request, settings, cancelled)
        finally:
            self.warmer.end()

    def _complete(self, request: CompletionRequest, settings: Settings,
                  cancelled: Callable[[], bool]) -> CompletionResult:
        started = time.monotonic()
        situation = situate(request.language_id, request.text, request.offset, request.uri)
        kind = situation.kind.value
        timings = {"situate_ms": (time.monotonic() - started) * 1000}
        closer = missing_closer(situation) if situation.plan else None
        if closer is not None:  # the line is known: no model call, on either trigger
            timings["closer"] = True
            return CompletionResult([closer], kind, timings)
        engine = self._engine_for(request, situation, settings)
        generator = engine.generator()
        spec = engine.spec
        if engine is not self.engine:
            timings["block_model"] = True
        if situation.plan is None:
            log.debug("completion %s kind=%s: nothing to suggest here", request.uri, kind)
            return CompletionResult([], kind, timings, outcome=Outcome.NOTHING_HERE)
        plan = situation.plan
        snippets = self._cross_file(request, settings, generator, spec.file_header)
        timings.update(context_tokens=snippets.tokens, context_ms=snippets.gather_ms,
                       context_files=list(snippets.files), context_reused=snippets.reused)
        # Other files' snippets first, the current file last: the snippets stay put while the user
        # types here, so the model state of that start of the prompt is reused.
        header = snippets.text + spec.file_header.format(path=request.uri.rsplit("/", 1)[-1])
        budget = settings.maxPromptTokens - snippets.tokens
        lines = situation.prefix.split("\n")
        # one start for both layouts: the fill-in-the-middle one's prefix budget (the other has room to spare)
        start = self.windows.start_for(request.uri, lines, generator, budget - prompts.suffix_budget_of(budget, True)) \
            if "regions" in self.levers else None
        # the window's start leaves room for an automatic trigger's suffix; a manual one may show more
        maker = PromptMaker(generator, spec.fim_template, header, situation, budget, start,
                            prompts.SUFFIX_TOKENS_INVOKED if request.invoked else None)

        code_below = rerank.following(situation.suffix) is not None
        fim = plan.fim_for(request.invoked, code_below)
        ranking = request.invoked and rerank.can_rank(generator) and plan.stop in (Stop.LINE, Stop.NEXT_LINE) \
            and code_below
        if generator.abilities.keeps_state:
            self._place_window(request, maker, lines, fim, timings)
        timings["prompt_tokens"] = len(maker.layout(fim).ids)
        candidates = run_attempts(generator, maker, attempts_for(fim, request.invoked, settings, ranking),
                                min(plan.budget, settings.maxNewTokens), set(spec.stop_token_ids),
                                lambda: self._healer_for(generator, engine), cancelled, timings, started)
        if candidates.unhealed_retry:
            timings["unhealed_retry"] = True
        cleaned = clean(situation, request.language_id, request.text[:request.offset], candidates.texts)
        if request.invoked and plan.kind in placeholder.KINDS and generator.abilities.constrains:
            cleaned = self._past_placeholders(generator, maker, fim, cleaned, request, settings, spec, cancelled,
                                              lambda: self._healer_for(generator, engine), timings, started)
        items = rank(generator, situation, request, cleaned, lambda: maker.unhealed(False).text, ranking,
                     settings.numSuggestions, cancelled, timings)
        if items and self.blocks and continuation.applies(situation, request.invoked, code_below):
            items = self._continued(generator, maker, situation, items, cleaned, set(spec.stop_token_ids),
                                    cancelled, timings)
        timings["total_ms"] = (time.monotonic() - started) * 1000
        log.debug("completion %s kind=%s items=%d %s", request.uri, kind, len(items), timings)
        return CompletionResult(items, kind, timings, cleaned.imports)

    def _past_placeholders(self, generator: Generator, maker: PromptMaker, fim: bool, cleaned: Cleaned,
                           request: CompletionRequest, settings: Settings, spec, cancelled: Callable[[], bool],
                           healer: Callable[[], prompts.Healer], timings: dict, started: float) -> Cleaned:
        """A manual trigger's body whose every item is a placeholder (placeholder.py): asked again from
        the 2nd, 3rd... likeliest first token until one writes code; the placeholders go last."""
        if not cleaned.items or not all(placeholder.is_placeholder(item) for item in cleaned.items):
            return cleaned
        situation = maker.situation
        for rank in range(1, placeholder.RETRIES + 1):
            retry = run_attempts(generator, maker, (Attempt(fim, rank),),
                                 min(situation.plan.budget, settings.maxNewTokens), set(spec.stop_token_ids), healer,
                                 cancelled, {}, started)
            found = clean(situation, request.language_id, request.text[:request.offset], retry.texts)
            timings["placeholder_retries"] = rank
            if found.items and not placeholder.is_placeholder(found.items[0]):
                found.items += [item for item in cleaned.items if item not in found.items]
                return found
        return cleaned

    def _continued(self, generator: Generator, maker: PromptMaker, situation: Situation, items: list[str],
                   cleaned: Cleaned, stop_ids: set[int], cancelled: Callable[[], bool], timings: dict) -> list[str]:
        """The items with the first grown into the block the model would write (continuation.py)."""
        began = time.monotonic()
        prompt = maker.layout(True)
        items, first = continuation.grow_first(generator, prompt.text, prompt.healed, maker.unhealed(False).text,
                                               situation, items, cleaned.origins, stop_ids, cancelled)
        timings.update(block_ms=(time.monotonic() - began) * 1000, block_lines=items[0].count("\n") + 1,
                       block_first=first)
        return items

    def _place_window(self, request: CompletionRequest, maker: PromptMaker, lines: list[str], fim: bool,
                      timings: dict) -> None:
        """For an engine that keeps its state: on a cold region, a short window near the cursor
        (the `quick` lever); then what the warm-up should prefill while the user reads."""
        generator, start, budget = maker.generator, maker.start, maker.budget
        lead = (maker.template.split("{prefix}")[0] if fim else "")
        full = maker.layout(fim)
        cold = len(full.ids) - generator.reusable(full.ids)
        timings["cold_tokens"] = cold
        quick, quick_start = False, None
        if cold > QUICK_PREFILL and not request.invoked and "quick" in self.levers and start is not None:
            # the short window already in use here if it is still warm, else a new one near the cursor
            best = cold
            for option in self.quick_windows.options(request.uri, lines, generator,
                                                     budget - prompts.suffix_budget_of(budget, True), QUICK_TOKENS):
                ids = maker.build(generator.can_heal, fim, option).ids
                option_cold = len(ids) - generator.reusable(ids)
                if option > start and option_cold < best:
                    best, quick_start = option_cold, option
            if best < cold:
                quick = True
                self.quick_windows.remember(request.uri, quick_start)
                maker.move_to(quick_start)
                timings["cold_tokens"] = best
            timings["quick_window"] = quick
        cursor_line = len(lines) - 1
        starts = [quick_start, start] if quick else [start]
        header = maker.header
        if "warm" in self.levers and start is not None:
            self._regions[request.uri] = (generator, header + lead, starts, cursor_line,
                                          len(generator.encode(header + lead)) + budget)
        if quick and "warm" in self.levers:  # the full window, up to the cursor's line, while the user reads the quick answer
            self.warmer.want(generator, lambda: [generator.encode(
                header + lead + "\n".join(lines[start:cursor_line]) + "\n")] if cursor_line > start else [])

    def _cross_file(self, request: CompletionRequest, settings: Settings, generator, file_header: str
                    ) -> crossfile.Snippets:
        """Snippets of the other open documents and imported files; never fails a suggestion."""
        if not settings.crossFileContext or not (request.documents or request.root):
            return crossfile.Snippets()
        try:
            return self.crossfile.context(
                request.uri, request.language_id, request.text, request.offset, request.documents, request.root,
                file_header, lambda text: len(generator.encode(text)),
                int(settings.maxPromptTokens * crossfile.SHARE))
        except Exception:  # context is a bonus: a suggestion without it beats none
            log.exception("context from other files failed for %s", request.uri)
            return crossfile.Snippets()
