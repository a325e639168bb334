"""Serves textDocument/inlineCompletion. In order, for each request:

1. paused (toggle or setting) and Automatic: nothing, at once, the model untouched;
2. the user typed into the suggestion just shown: the rest of it, from memory (typeahead);
3. Automatic where a suggestion makes no sense (mid-word, after a statement's closing bracket): nothing;
4. Automatic: wait out the user's typing rhythm (adaptive debounce);
5. the completion service on the model thread, then the gate (references, security) on each candidate;
6. the answer, unless the document changed meanwhile: never a suggestion for an older version.

A newer request for the same document supersedes an unfinished one (its generation stops at the
next decoding step and it answers RequestCancelled); `$/cancelRequest` does the same.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
import time
import uuid
from collections import OrderedDict
from dataclasses import dataclass
from urllib.parse import unquote

from lsprotocol import types
from pygls.exceptions import JsonRpcRequestCancelled

from codewhisperer_lsp import protocol
from codewhisperer_lsp.completion.auto_imports import needed_imports
from codewhisperer_lsp.completion.crossfile import MAX_SOURCE_CHARS, MAX_SOURCES, OpenDocument
from codewhisperer_lsp.completion.service import CompletionRequest, CompletionResult, CompletionService, Outcome
from codewhisperer_lsp.interaction import metrics as metrics_mod
from codewhisperer_lsp.interaction import pause_state
from codewhisperer_lsp.interaction.debounce import AdaptiveDebounce
from codewhisperer_lsp.interaction.gate import GateRules, SuggestionGate, Verdict, shift_references
from codewhisperer_lsp.interaction.triggers import decline_reason
from codewhisperer_lsp.interaction.typeahead import Shown, Typeahead
from codewhisperer_lsp.lsp.feature import Feature, ServerPort
from codewhisperer_lsp.lsp.params import field as _field
from codewhisperer_lsp.lsp.positions import offset_at
from codewhisperer_lsp.model.engine import ModelUnavailable
from codewhisperer_lsp.model.runtime import Cancelled
from codewhisperer_lsp.paths import state_dir

log = logging.getLogger(__name__)

POLL_S = 0.01  # how often a debounce wait looks whether it was superseded
ACCEPTED_REMEMBERED = 1000
HELD_MESSAGE = ("suggestions long enough to match licensed code are held back until the reference index is "
                "ready (your organization's policy refuses code with references); short ones are shown")
MANUAL_LOAD_WAIT_S = 60  # how long a manual trigger waits for a model that is loading


class Superseded:
    """One cancel flag per document: a new request for the document cancels the previous one."""

    def __init__(self):
        self._lock = threading.Lock()
        self._latest: dict[str, threading.Event] = {}

    def start(self, uri: str) -> threading.Event:
        event = threading.Event()
        with self._lock:
            previous = self._latest.get(uri)
            self._latest[uri] = event
        if previous is not None:
            previous.set()
        return event

    def cancel_all(self) -> None:
        with self._lock:
            events = list(self._latest.values())
        for event in events:
            event.set()

    def finish(self, uri: str, event: threading.Event) -> None:
        with self._lock:
            if self._latest.get(uri) is event:
                del self._latest[uri]


@dataclass(frozen=True)
class Received:
    """The request and the document as they were when it arrived."""

    request: CompletionRequest
    position: types.Position
    started: float


def _empty() -> types.InlineCompletionList:
    return types.InlineCompletionList(items=[])


async def _wait(seconds: float, cancel: threading.Event) -> None:
    deadline = time.monotonic() + seconds
    while not cancel.is_set() and (left := deadline - time.monotonic()) > 0:
        await asyncio.sleep(min(POLL_S, left))


class InlineCompletionFeature(Feature):
    name = "completion"

    def __init__(self, server: ServerPort, service: CompletionService):
        self.server = server
        self.service = service
        self.executor = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="model")
        self.inflight = Superseded()
        self.pause = pause_state.PauseState(state_dir() / pause_state.FILE_NAME)
        self.debounce = AdaptiveDebounce()
        self.typeahead = Typeahead()
        self.metrics = metrics_mod.Metrics(state_dir() / metrics_mod.FILE_NAME)
        self.gate = SuggestionGate(self._find_references, self._check_security)
        self._accepted: OrderedDict[str, None] = OrderedDict()
        self._told_unavailable = ""

    # --- pause / resume ---
    @property
    def paused(self) -> bool:
        return self.pause.paused or not self.server.settings.autoSuggestions

    def set_paused(self, paused: bool) -> dict:
        self.pause.set(paused)
        self.server.send_status()
        return self.pause_report()

    def pause_report(self) -> dict:
        report = {"autoSuggestions": not self.paused, "paused": self.paused}
        if not self.server.settings.autoSuggestions:
            report["reason"] = "the setting codewhisperer.autoSuggestions is false"
        return report

    def apply_settings(self, new, previous) -> None:
        self.metrics.enabled = new.collectMetrics
        self.typeahead.clear()  # shown items were gated under the old settings
        was_paused = self.pause.paused or not previous.autoSuggestions
        if was_paused != self.paused:
            self.server.send_status()

    def shutdown(self) -> None:
        self.inflight.cancel_all()  # generations in flight stop at their next decoding step

    # --- document events ---
    def changed(self, uri: str) -> None:
        self.debounce.typed(uri)
        self.service.changed(uri, lambda: getattr(self.server.workspace.text_documents.get(unquote(uri)), "source", None))

    def closed(self, uri: str) -> None:
        self.debounce.forget(uri)
        self.service.forget(uri)
        self.typeahead.forget(uri)

    # --- the request ---
    async def handle(self, params: types.InlineCompletionParams) -> types.InlineCompletionList:
        received = self._receive(params)
        if received is None:
            return _empty()
        settings = self.server.settings
        self.metrics.enabled = settings.collectMetrics
        quick = self._quick_answer(received, settings)
        if quick is not None:
            return quick
        return await self._generate(received, settings)

    def _receive(self, params: types.InlineCompletionParams) -> Received | None:
        started = time.monotonic()
        uri = params.text_document.uri
        document = self.server.workspace.text_documents.get(unquote(uri))
        if document is None:
            return None
        invoked = params.context.trigger_kind == types.InlineCompletionTriggerKind.Invoked
        text = document.source
        offset = offset_at(text, params.position.line, params.position.character)
        documents, root = (), ""
        if self.server.settings.crossFileContext:  # the texts are shared, not copied
            documents = tuple(OpenDocument(other.uri, other.language_id or "", other.version or 0, other.source)
                              for other in list(self.server.workspace.text_documents.values())
                              if other.uri != document.uri and len(other.source) <= MAX_SOURCE_CHARS)[:4 * MAX_SOURCES]
            root = self.server.workspace.root_path or ""
        request = CompletionRequest(uri, document.language_id or "", text, document.version or 0, offset, invoked,
                                    documents, root)
        return Received(request, params.position, started)

    def _quick_answer(self, received: Received, settings) -> types.InlineCompletionList | None:
        """Answers that need no model: paused, typed through the last suggestion, declined."""
        request = received.request
        if not request.invoked and self.paused:
            self._record(received, "paused")
            return _empty()
        from_typeahead = self._from_typeahead(received, settings)
        if from_typeahead is not None:
            return from_typeahead
        if not request.invoked:
            reason = decline_reason(request.text, request.offset)
            if reason:
                log.debug("automatic request at %s declined: %s", request.uri, reason)
                self._record(received, "declined")
                return _empty()
        return None

    def _from_typeahead(self, received: Received, settings) -> types.InlineCompletionList | None:
        request = received.request
        hit = self.typeahead.lookup(request.uri, request.text, request.offset)
        if hit is None or (request.invoked and not hit.typed):
            return None  # a manual trigger at the same place asks for fresh suggestions
        items = []
        for item_id, remaining in hit.items:
            detail = hit.shown.details.get(item_id, {})
            references = shift_references(detail.get("references", ()), len(hit.typed), remaining)
            if references and not settings.includeSuggestionsWithCodeReferences:
                continue
            items.append(self._item(received, hit.shown.session_id, item_id, remaining, references,
                                    detail.get("findings", ()), detail.get("imports", ())))
        if not items:
            return None
        self.inflight.finish(request.uri, self.inflight.start(request.uri))  # older generations are stale
        self._record(received, "typeahead", latency_ms=(time.monotonic() - received.started) * 1000)
        return types.InlineCompletionList(items=items)

    async def _generate(self, received: Received, settings) -> types.InlineCompletionList:
        request = received.request
        cancel = self.inflight.start(request.uri)
        try:
            if not request.invoked:
                await _wait(self.debounce.remaining_s(request.uri, settings.debounceMs), cancel)
            begun = time.monotonic()
            outcome = None
            if settings.security.checkSuggestions:
                _ = self.server.security.scanner  # created here, on the event loop, the first time
            if not cancel.is_set():
                outcome = await asyncio.get_running_loop().run_in_executor(
                    self.executor, self._run, request, settings, cancel)
        except asyncio.CancelledError:
            cancel.set()  # $/cancelRequest: stop the generation at its next step
            self._record(received, "cancelled")
            raise
        finally:
            self.inflight.finish(request.uri, cancel)
            self.executor.submit(self.server.trimmer.after_work)  # queued behind the model's work, not before the answer
        if outcome is None:
            self._record(received, "cancelled")
            raise JsonRpcRequestCancelled("superseded by a newer request")
        return self._answer(received, outcome, (time.monotonic() - begun) * 1000)

    def _run(self, request: CompletionRequest, settings, cancel: threading.Event):
        """On the model thread: (result, verdict), or None when cancelled."""
        if cancel.is_set():
            return None
        try:
            result = self._complete(request, settings, cancel)
        except Cancelled:  # raised between decoding steps: the model was running
            self.metrics.count("modelCalls")
            return None
        except ModelUnavailable as exc:
            return CompletionResult.unavailable(str(exc)), None
        if result.model_ran:
            self.metrics.count("modelCalls")
        rules = GateRules(settings.includeSuggestionsWithCodeReferences, settings.security.checkSuggestions,
                          settings.security.returnInsecureSuggestions, self._hold_unchecked())
        verdict = self.gate.review(request.language_id, request.text[:request.offset],
                                   request.text[request.offset:], result.items, rules)
        result.timings["gate_ms"] = verdict.timings.get("total_ms", 0.0)
        started = time.monotonic()
        result.needed_imports = {c.text: self._imports(request, result, c.text) for c in verdict.kept}
        result.timings["imports_ms"] = (time.monotonic() - started) * 1000
        return result, verdict

    def _complete(self, request: CompletionRequest, settings, cancel: threading.Event) -> CompletionResult:
        """The service's answer. A manual trigger that finds the model loading (at start, after a
        rebuild or a settings change) waits for it, bounded, while the status shows the load; an
        automatic one gets nothing at once."""
        try:
            return self.service.complete(request, settings, cancel.is_set)
        except ModelUnavailable:
            if not request.invoked or not self.server.engine.loading:
                raise
        log.info("a manual trigger waits for the model to load (at most %d s)", MANUAL_LOAD_WAIT_S)
        self.server.engine.wait_while_loading(MANUAL_LOAD_WAIT_S, cancel.is_set)
        return self.service.complete(request, settings, cancel.is_set)

    def _answer(self, received: Received, outcome, latency_ms: float) -> types.InlineCompletionList:
        request = received.request
        result, verdict = outcome
        if result.outcome is Outcome.UNAVAILABLE:
            self._tell_once(result.message)
            self._record(received, "unavailable")
            return _empty()
        self._told_unavailable = ""  # the engine answers again: a later failure is worth telling
        self._count_gate(verdict)
        current = self.server.workspace.text_documents.get(unquote(request.uri))
        if current is None or current.version != request.version:
            self._record(received, "cancelled")
            return _empty()  # the document changed: never show stale text
        session = uuid.uuid4().hex[:12]
        kept = [(f"{session}-{i}", c) for i, c in enumerate(verdict.kept)]
        needed = {item_id: result.needed_imports.get(c.text, ()) for item_id, c in kept}
        items = [self._item(received, session, item_id, c.text, c.references, c.findings, needed[item_id])
                 for item_id, c in kept]
        if kept:
            self.typeahead.remember(request.uri, Shown(
                session, request.language_id, request.text[:request.offset], request.text[request.offset:],
                tuple((item_id, c.text) for item_id, c in kept),
                {item_id: {"references": c.references, "findings": c.findings, "imports": needed[item_id]}
                 for item_id, c in kept}))
        self._record(received, "model" if items else "empty", shown=len(items), latency_ms=latency_ms)
        return types.InlineCompletionList(items=items)

    def _item(self, received: Received, session: str, item_id: str, text: str, references: tuple[dict, ...],
              findings: tuple[dict, ...], imports: tuple[str, ...]) -> types.InlineCompletionItem:
        request, position = received.request, received.position
        arguments = {"sessionId": session, "itemId": item_id, "uri": request.uri,
                     "position": {"line": position.line, "character": position.character},
                     "languageId": request.language_id, "text": text,
                     "hasReferences": bool(references), "references": list(references),
                     "securityFindings": list(findings), "imports": list(imports)}
        title = "Accept suggestion"
        if references:
            title += f" (code reference: {', '.join(dict.fromkeys(r['licenseName'] for r in references))})"
        if findings:
            title += f" (security finding: {', '.join(dict.fromkeys(f['ruleId'] for f in findings))})"
        return types.InlineCompletionItem(
            insert_text=text, range=types.Range(position, position),
            command=types.Command(title=title, command=protocol.CMD_ACCEPT, arguments=[arguments]))

    def _imports(self, request: CompletionRequest, result: CompletionResult, text: str) -> tuple[str, ...]:
        """Imports the item needs that the file lacks: added at the top on accept, never in the body.
        Found once per item on the model thread (a parse of the document); shown again from memory."""
        carried = result.imports.get(text, ())
        try:
            return tuple(needed_imports(request.language_id, request.text[:request.offset], text,
                                       request.text[request.offset:], request.root, carried, request.uri))
        except Exception:  # an item without its imports beats no item
            log.exception("imports of a suggestion for %s not found", request.uri)
            return ()

    def _hold_unchecked(self) -> bool:
        """An organization refuses referenced code and the index cannot answer now (being built,
        rebuilt or locked): suggestions long enough to match are held back rather than shown
        unchecked. A user's own setting alone keeps showing them unchecked."""
        if self.server.policy.includeSuggestionsWithCodeReferences is not False:
            return False
        return not self.server.references.index.store.is_complete()

    # --- the gate's two checks (model thread) ---
    def _find_references(self, text: str) -> list[dict]:
        return [r.to_dict() for r in self.server.references.index.find_references(text)]

    def _check_security(self, language_id: str, before: str, suggestion: str, after: str) -> list:
        return self.server.security.scanner.check_suggestion(language_id, before, suggestion, after)

    # --- accept tracking and metrics ---
    def accepted(self, info: dict) -> bool:
        """Count an accepted item once; False when this item was already accepted."""
        item_id = str(info.get("itemId"))
        if item_id in self._accepted:
            return False
        self._accepted[item_id] = None
        while len(self._accepted) > ACCEPTED_REMEMBERED:
            self._accepted.popitem(last=False)
        self.metrics.enabled = self.server.settings.collectMetrics
        self.metrics.accepted(str(info.get("languageId") or "unknown"))
        return True

    def session_result(self, params) -> None:
        """codewhisperer/sessionResult from the client: which items were seen or discarded."""
        results = _field(params, "completionSessionResult") or {}
        if hasattr(results, "_asdict"):  # pygls turns custom params into namedtuples (item ids renamed)
            results = results._asdict()
        if not isinstance(results, dict):
            return
        for state in results.values():
            for name in ("seen", "discarded"):
                if _field(state, name) is True:
                    self.metrics.count(name)

    def _count_gate(self, verdict: Verdict) -> None:
        if verdict.held_unchecked:
            self.server.tell_once(HELD_MESSAGE, types.MessageType.Info)
        self.metrics.count("heldUnchecked", amount=verdict.held_unchecked)
        self.metrics.count("droppedInsecure", amount=verdict.dropped_insecure)
        self.metrics.count("droppedWithReferences", amount=verdict.dropped_with_references)
        self.metrics.count("shownWithReferences", amount=sum(1 for c in verdict.kept if c.references))
        self.metrics.count("shownWithFindings", amount=sum(1 for c in verdict.kept if c.findings))

    def _record(self, received: Received, outcome: str, shown: int = 0, latency_ms: float | None = None) -> None:
        request = received.request
        self.metrics.request(request.language_id or "unknown", request.invoked, outcome, shown, latency_ms)

    def _tell_once(self, message: str) -> None:
        if message and message != self._told_unavailable:
            self._told_unavailable = message
            self.server.window_show_message(types.ShowMessageParams(
                types.MessageType.Warning, f"CodeWhisperer: no suggestions: {message}"))
