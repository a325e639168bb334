"""The language server: LSP handlers only. Each handler unpacks its params, calls one feature
object and converts the result; one feature failing never takes the others down.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcRequestCancelled
from pygls.lsp.server import LanguageServer

from codewhisperer_lsp import __version__, protocol
from codewhisperer_lsp.completion.service import CompletionService
from codewhisperer_lsp.config import Settings, effective, load_policy, parse_settings
from codewhisperer_lsp.lsp.commands import Commands
from codewhisperer_lsp.lsp.completion import InlineCompletionFeature
from codewhisperer_lsp.lsp.engine import BlockEngineFeature, EngineFeature
from codewhisperer_lsp.lsp.feature import Feature, run_hook
from codewhisperer_lsp.lsp.references import ReferenceFeature
from codewhisperer_lsp.lsp.security import SecurityFeature
from codewhisperer_lsp.lsp.security import register as register_security
from codewhisperer_lsp.lsp.robust_protocol import RobustProtocol, serve_stdio, serve_tcp
from codewhisperer_lsp.memory import IdleTrimmer
from codewhisperer_lsp.model.engine import EngineStatus, ModelEngine

log = logging.getLogger(__name__)



def _is_cancellation(error: BaseException | None) -> bool:
    return isinstance(error, JsonRpcRequestCancelled) or getattr(error, "code", None) == -32800


class _QuietCancellations(logging.Filter):
    """pygls logs a traceback for every request answered RequestCancelled; superseding is routine."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and _is_cancellation(record.exc_info[1]))


logging.getLogger("pygls.protocol.json_rpc").addFilter(_QuietCancellations())

class CodeWhispererServer(LanguageServer):
    def __init__(self):
        super().__init__("codewhisperer-lsp", __version__, protocol_cls=RobustProtocol,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.user_settings = Settings()
        self.settings = Settings()
        self.policy = load_policy()
        self._told: set[str] = set()
        self.engine = ModelEngine(on_status=self._engine_status)
        self.trimmer = IdleTrimmer()  # gives freed memory back after work, at most every 20 s
        self.block_engine = ModelEngine()  # loads only when the blockModel setting names a model
        self.completion = InlineCompletionFeature(self, CompletionService(self.engine, self.block_engine))
        self.security = SecurityFeature(self)
        self.references = ReferenceFeature(self)
        # in the order settings reach them: the reference folders, then the model, then completion
        self.features: tuple[Feature, ...] = (self.references, EngineFeature(self.engine),
                                              BlockEngineFeature(self.block_engine), self.completion,
                                              self.security)

    def start_io(self, stdin=None, stdout=None):
        serve_stdio(self, stdin, stdout)  # survives damaged frames; stdout carries protocol only

    def start_tcp(self, host: str, port: int) -> None:
        serve_tcp(self, host, port)  # the same damage-tolerant reader, over one TCP connection

    def report_server_error(self, error, source):
        if _is_cancellation(error):
            return  # a superseded or cancelled completion is routine, not an error
        log.warning("%s: %s", getattr(source, "__name__", source), error)  # to the log, not a pop-up per bad message

    async def reload_model(self, arguments: list) -> dict:
        """codewhisperer.reloadModel: load the model again (after a rebuild) without a restart."""
        status = await asyncio.get_running_loop().run_in_executor(None, self.engine.reload, 600.0)
        return {"state": status.state, "message": status.message, "model": status.model, "device": status.device}

    # --- settings ---
    def apply_settings(self, raw: Any) -> None:
        previous = self.settings
        parsed, errors = parse_settings(raw if raw is not None else {})
        self.user_settings = parsed
        self.settings, overridden = effective(parsed, self.policy)
        for error in errors:
            self.tell_once(f"setting ignored, default used: {error}", types.MessageType.Warning)
        if self.policy.error:
            self.tell_once(self.policy.error, types.MessageType.Warning)
        for name in overridden:
            self.tell_once(f"{name} is managed by your organization ({self.policy.path}); your setting has no effect",
                           types.MessageType.Info)
        logging.getLogger("codewhisperer_lsp").setLevel(self.settings.logLevel.upper())
        run_hook(self, self.features, "apply_settings", self.settings, previous)

    def initialized_features(self) -> None:
        run_hook(self, self.features, "initialized")

    def shutdown_features(self) -> None:
        run_hook(self, self.features, "shutdown")

    def tell_once(self, message: str, kind: types.MessageType = types.MessageType.Info) -> None:
        if message in self._told:
            return
        self._told.add(message)
        log.warning("%s", message)
        self.window_show_message(types.ShowMessageParams(kind, f"CodeWhisperer: {message}"))

    def send_status(self) -> None:
        """codewhisperer/status with the engine's state and the pause toggle (features call it)."""
        self._engine_status(self.engine.status)

    def _engine_status(self, status: EngineStatus) -> None:
        paused = self.completion.paused
        payload = {"state": status.state, "message": status.message, "model": status.model, "device": status.device,
                   "paused": paused}
        try:
            self.protocol.notify(protocol.STATUS, payload)
            if paused and status.state == "ready":
                self.protocol.notify(protocol.STATUS, {**payload, "state": "paused",
                                                       "message": "automatic suggestions are paused"})
        except Exception:  # no transport yet (before initialize): the next change is sent anyway
            log.debug("status not sent: %s", payload)
        if status.state == "failing":
            self.tell_once(f"model unavailable: {status.message}", types.MessageType.Error)


server = None


def create_server() -> CodeWhispererServer:
    ls = CodeWhispererServer()

    @ls.feature(types.INITIALIZE)
    def initialize(ls: CodeWhispererServer, params: types.InitializeParams):
        ls.apply_settings(params.initialization_options)

    @ls.feature(types.INITIALIZED)
    async def initialized(ls: CodeWhispererServer, params: types.InitializedParams):
        workspace_caps = ls.client_capabilities.workspace
        if workspace_caps and workspace_caps.configuration:
            try:
                results = await ls.workspace_configuration_async(types.ConfigurationParams(
                    items=[types.ConfigurationItem(section=protocol.CONFIG_SECTION)]))
                if results and results[0] is not None:
                    ls.apply_settings(results[0])
            except Exception as exc:
                log.warning("workspace/configuration failed: %s", exc)
        ls.initialized_features()

    @ls.feature(types.SHUTDOWN)
    def shutdown(ls: CodeWhispererServer, params: None):
        ls.shutdown_features()

    @ls.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(ls: CodeWhispererServer, params: types.DidChangeConfigurationParams):
        settings = params.settings
        if isinstance(settings, dict) and protocol.CONFIG_SECTION in settings:
            ls.apply_settings(settings[protocol.CONFIG_SECTION])
            return
        workspace_caps = ls.client_capabilities.workspace
        if workspace_caps and workspace_caps.configuration:
            results = await ls.workspace_configuration_async(types.ConfigurationParams(
                items=[types.ConfigurationItem(section=protocol.CONFIG_SECTION)]))
            if results and results[0] is not None:
                ls.apply_settings(results[0])

    @ls.feature(types.TEXT_DOCUMENT_INLINE_COMPLETION, types.InlineCompletionOptions())
    async def inline_completion(ls: CodeWhispererServer, params: types.InlineCompletionParams):
        return await ls.completion.handle(params)

    @ls.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: CodeWhispererServer, params: types.DidOpenTextDocumentParams):
        ls.security.opened(params.text_document.uri)

    @ls.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: CodeWhispererServer, params: types.DidChangeTextDocumentParams):
        ls.completion.changed(params.text_document.uri)
        ls.security.changed(params)

    @ls.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: CodeWhispererServer, params: types.DidCloseTextDocumentParams):
        ls.completion.closed(params.text_document.uri)

    @ls.feature(protocol.GET_METRICS)
    def get_metrics(ls: CodeWhispererServer, params):
        return ls.completion.metrics.snapshot()

    @ls.feature(protocol.SESSION_RESULT)
    def session_result(ls: CodeWhispererServer, params):
        ls.completion.session_result(params)

    @ls.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: CodeWhispererServer, params: types.DidSaveTextDocumentParams):
        if ls.settings.security.autoScanOnSave:
            await ls.security.start([{"uri": params.text_document.uri}])

    @ls.feature(protocol.FIND_REFERENCES)
    async def find_references(ls: CodeWhispererServer, params):
        return await ls.references.find_request(params)

    @ls.feature(protocol.GET_REFERENCE_LOG)
    def get_reference_log(ls: CodeWhispererServer, params):
        return ls.references.get_log(params)

    ls.commands = Commands(ls)
    ls.commands.register(protocol.CMD_RELOAD_MODEL, ls.reload_model)
    register_security(ls, ls.security)
    for name in ls.commands.handlers:
        _register_command(ls, name)
    return ls


def _register_command(ls: CodeWhispererServer, name: str) -> None:
    @ls.command(name)
    async def run(ls: CodeWhispererServer, *arguments):
        result = ls.commands.run(name, list(arguments))
        if inspect.isawaitable(result):
            result = await result
        return result
