"""The completion path, top to bottom: decide the shape, build the prompt within its budget,
generate (stopping as soon as the shape is complete), post-process, de-duplicate.

Plain Python: takes a snapshot of the document and returns suggestion texts. Runs on a worker
thread; `cancelled()` is checked at every decoding step.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Callable

from codewhisperer_lsp.completion import prompt as prompts
from codewhisperer_lsp.completion.blocks import block_lines
from codewhisperer_lsp.completion.postprocess import Context, postprocess
from codewhisperer_lsp.completion.shape import BUDGETS, Cursor, Shape, classify
from codewhisperer_lsp.config import Settings
from codewhisperer_lsp.context.languages import resolve
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


@dataclass
class CompletionResult:
    items: list[str]
    shape: Shape | None
    timings: dict = field(default_factory=dict)


def _stop_rule(context: Context, healed: str) -> Callable[[str], bool]:
    if context.shape is not Shape.BLOCK:
        def line_done(text: str) -> bool:
            body = text[len(healed):]
            return "\n" in body.lstrip("\n") if context.shape is Shape.LINE else "\n" in body
        return line_done

    def block_done(text: str) -> bool:
        body = context.cursor.line_prefix + text[len(healed):]
        if "\n" not in body:
            return False
        _, finished = block_lines(context.language_id, body, context.body_indent, context.comment,
                                  context.suffix_closes)
        return finished or body.count("\n") > 40

    return block_done


class CompletionService:
    def __init__(self, engine: ModelEngine):
        self.engine = engine
        self._healer = None

    def _healer_for(self, generator):
        if self._healer is None:
            first_special = min(self.engine.spec.special_tokens.values())
            self._healer = prompts.Healer(generator.token_texts, first_special)
        return self._healer

    def complete(self, request: CompletionRequest, settings: Settings,
                 cancelled: Callable[[], bool] = lambda: False) -> CompletionResult:
        started = time.monotonic()
        generator = self.engine.generator()
        spec = self.engine.spec
        language = resolve(request.language_id, request.uri)
        cursor = Cursor(language.id if language else request.language_id,
                        request.text[: request.offset], request.text[request.offset:])
        shape = classify(cursor)
        context = Context(cursor, shape, language.line_comment if language else None)
        path = request.uri.rsplit("/", 1)[-1]
        header = spec.file_header.format(path=path)
        prompt = prompts.build(generator, spec.fim_template, header, cursor.prefix, cursor.suffix,
                               use_fim=shape is Shape.MID_LINE, budget=settings.maxPromptTokens)
        constrain = self._healer_for(generator).constraint(prompt.healed, generator.decode)
        count = settings.numSuggestions if request.invoked else 1
        items: list[str] = []
        timings = {"prompt_tokens": len(prompt.ids)}
        for attempt in range(count):
            sampling = Sampling(max_new_tokens=min(BUDGETS[shape], settings.maxNewTokens),
                                temperature=0.0 if attempt == 0 else settings.temperature, seed=attempt)
            generation = generator.generate(prompt.ids, sampling, set(spec.stop_token_ids),
                                            _stop_rule(context, prompt.healed), cancelled, constrain)
            if attempt == 0:
                timings.update(first_ms=(time.monotonic() - started) * 1000,
                               reused_tokens=generation.reused_tokens, prefill_s=generation.prefill_s,
                               decode_s=generation.decode_s, generated=len(generation.token_ids))
            text = generation.text
            if not text.startswith(prompt.healed):
                continue
            cleaned = postprocess(context, text[len(prompt.healed):])
            if cleaned and cleaned not in items:
                items.append(cleaned)
        timings["total_ms"] = (time.monotonic() - started) * 1000
        log.debug("completion %s shape=%s items=%d %s", request.uri, shape.value, len(items), timings)
        return CompletionResult(items, shape, timings)
