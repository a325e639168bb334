"""Serves textDocument/inlineCompletion: snapshot the document, run the completion service on the
model thread, supersede older requests for the same document, never return a stale suggestion.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import itertools
import logging
import threading
import time
import uuid

from lsprotocol import types
from pygls.exceptions import JsonRpcRequestCancelled

from codewhisperer_lsp import protocol
from codewhisperer_lsp.completion.service import CompletionRequest, CompletionResult, CompletionService
from codewhisperer_lsp.lsp.positions import offset_at
from codewhisperer_lsp.model.engine import ModelUnavailable
from codewhisperer_lsp.model.runtime import Cancelled

log = logging.getLogger(__name__)


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

    def finish(self, uri: str, event: threading.Event) -> None:
        with self._lock:
            if self._latest.get(uri) is event:
                del self._latest[uri]


class InlineCompletionFeature:
    def __init__(self, server, service: CompletionService):
        self.server = server
        self.service = service
        self.executor = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="model")
        self.inflight = Superseded()
        self._ids = itertools.count(1)
        self._told_unavailable = ""
        self.last_result: CompletionResult | None = None

    async def handle(self, params: types.InlineCompletionParams) -> types.InlineCompletionList:
        uri = params.text_document.uri
        document = self.server.workspace.text_documents.get(uri)
        if document is None:
            return types.InlineCompletionList(items=[])
        invoked = params.context.trigger_kind == types.InlineCompletionTriggerKind.Invoked
        settings = self.server.settings
        if not invoked and not settings.autoSuggestions:
            return types.InlineCompletionList(items=[])
        text, version = document.source, document.version
        offset = offset_at(text, params.position.line, params.position.character)
        request = CompletionRequest(uri, document.language_id or "", text, version or 0, offset, invoked)
        cancel = self.inflight.start(uri)
        try:
            result = await asyncio.get_running_loop().run_in_executor(
                self.executor, self._run, request, settings, cancel)
        except asyncio.CancelledError:
            cancel.set()  # $/cancelRequest: stop the generation at its next step
            raise
        finally:
            self.inflight.finish(uri, cancel)
        if result is None:
            raise JsonRpcRequestCancelled("superseded by a newer request")
        current = self.server.workspace.text_documents.get(uri)
        if current is None or current.version != version:
            return types.InlineCompletionList(items=[])  # the document changed: never show stale text
        self.last_result = result
        return types.InlineCompletionList(items=self._items(params, result, uri))

    def _run(self, request, settings, cancel: threading.Event) -> CompletionResult | None:
        if cancel.is_set():
            return None
        try:
            return self.service.complete(request, settings, cancel.is_set)
        except Cancelled:
            return None
        except ModelUnavailable as exc:
            self._tell_once(str(exc))
            return CompletionResult([], None)

    def _tell_once(self, message: str) -> None:
        if message and message != self._told_unavailable:
            self._told_unavailable = message
            self.server.window_show_message(types.ShowMessageParams(
                types.MessageType.Warning, f"CodeWhisperer: no suggestions: {message}"))

    def _items(self, params, result: CompletionResult, uri: str) -> list[types.InlineCompletionItem]:
        session = uuid.uuid4().hex[:12]
        position = params.position
        items = []
        for index, text in enumerate(result.items):
            item_id = f"{session}-{index}"
            arguments = {"sessionId": session, "itemId": item_id, "uri": uri,
                         "position": {"line": position.line, "character": position.character}}
            items.append(types.InlineCompletionItem(
                insert_text=text,
                range=types.Range(position, position),
                command=types.Command(title="Accept suggestion", command=protocol.CMD_ACCEPT, arguments=[arguments]),
            ))
        return items
