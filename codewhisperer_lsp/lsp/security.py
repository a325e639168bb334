"""Security scans over LSP: the start/stop/showScannedFiles commands, work-done progress, and
diagnostics for every scanned file (kept in step with later edits until the next scan).
"""

from __future__ import annotations

import asyncio
import logging
import threading
import uuid
from pathlib import Path
from urllib.parse import unquote

from lsprotocol import types

from codewhisperer_lsp import protocol
from codewhisperer_lsp.lsp.feature import Feature, ServerPort
from codewhisperer_lsp.security.diagnostics import FindingTracker
from codewhisperer_lsp.security.confine import Workspace, uri_path
from codewhisperer_lsp.security.scan import ScanLimits, ScanResult, SecurityScanner

log = logging.getLogger(__name__)


class SecurityFeature(Feature):
    """Scans read the settings in force when they start, so a settings change needs no hook."""

    name = "security"

    def __init__(self, server: ServerPort):
        self.server = server
        self._scanner: SecurityScanner | None = None
        self.trackers: dict[str, FindingTracker] = {}
        self.last: ScanResult | None = None
        self._cancel: threading.Event | None = None
        self._running: asyncio.Task | None = None
        self.focused_uri: str | None = None

    @property
    def scanner(self) -> SecurityScanner:
        if self._scanner is None:
            self._scanner = SecurityScanner()
            for engine, reason in self._scanner.unavailable.items():
                self.server.tell_once(f"security engine {engine} unavailable: {reason}", types.MessageType.Warning)
        return self._scanner

    # --- document events ---
    def opened(self, uri: str) -> None:
        self.focused_uri = uri

    def changed(self, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        self.focused_uri = uri
        tracker = self.trackers.get(uri)
        if tracker is None:
            return
        for change in params.content_changes:
            tracker.apply_change(change)
        self._publish(uri)

    def _publish(self, uri: str) -> None:
        tracker = self.trackers.get(uri)
        diagnostics = tracker.diagnostics() if tracker else []
        self.server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics))

    # --- commands ---
    async def start(self, arguments: list) -> dict:
        options = arguments[0] if arguments and isinstance(arguments[0], dict) else {}
        uri = options.get("uri") or self.focused_uri
        if not uri:
            return {"status": "Failed", "error": "no document to scan: open one or pass {uri}",
                    "scannedFiles": [], "skippedFiles": [], "findings": 0, "durationMs": 0}
        if self._cancel is not None:
            self._cancel.set()  # one scan at a time: a new one replaces the running one
        cancel = threading.Event()
        self._cancel = cancel
        token = str(uuid.uuid4())
        progress = await self._begin_progress(token, uri)
        loop = asyncio.get_running_loop()

        def report(done: int, total: int) -> None:
            if progress:
                loop.call_soon_threadsafe(self._report, token, done, total)

        settings = self.server.settings.security
        limits = ScanLimits(max_files=settings.maxFiles, max_bytes=settings.maxBytes,
                            timeout_s=settings.timeoutSeconds)
        document = self.server.workspace.text_documents.get(unquote(uri))
        language = document.language_id if document else None
        result = await loop.run_in_executor(None, lambda: self.scanner.scan(
            uri, self._buffer_text, self._workspace(), limits, report, cancel, language))
        loop.run_in_executor(None, self.server.trimmer.after_work)  # after the scan's parse trees are freed
        if self._cancel is cancel:
            self._cancel = None
        self._apply(result)
        if progress:
            self.server.work_done_progress.end(token, types.WorkDoneProgressEnd(
                message=f"{result.status.value}: {sum(len(f) for f in result.findings_by_uri.values())} findings"))
        return self.summary(result)

    def shutdown(self) -> None:
        self.stop([])  # as the stop command: a running scan is cancelled

    def stop(self, arguments: list) -> dict:
        if self._cancel is None:
            return {"stopped": False}
        self._cancel.set()
        return {"stopped": True}

    def show_scanned(self, arguments: list) -> dict:
        if self.last is None:
            return {"scannedFiles": [], "skippedFiles": []}
        return {"scannedFiles": self.last.scanned_files,
                "skippedFiles": [{"uri": u, "reason": r} for u, r in self.last.skipped_files]}

    # --- helpers ---
    def summary(self, result: ScanResult) -> dict:
        return {"status": result.status.value, "scannedFiles": result.scanned_files,
                "skippedFiles": [{"uri": u, "reason": r} for u, r in result.skipped_files],
                "findings": sum(len(f) for f in result.findings_by_uri.values()),
                "durationMs": round(result.duration_ms, 1),
                "engineErrors": result.engine_errors}

    def _apply(self, result: ScanResult) -> None:
        self.last = result
        for uri, findings in result.findings_by_uri.items():
            text = self._buffer_text(uri) or result.texts.get(uri, "")
            self.trackers[uri] = FindingTracker(text, findings)
            self._publish(uri)

    def _buffer_text(self, uri: str) -> str | None:
        """The text of a document the client opened; files on disk are read by the scanner,
        which reads only inside the workspace."""
        document = self.server.workspace.text_documents.get(unquote(uri))
        return document.source if document is not None else None

    def _workspace(self) -> Workspace:
        folders = [uri_path(folder.uri) for folder in self.server.workspace.folders.values()]
        if self.server.workspace.root_path:
            folders.append(Path(self.server.workspace.root_path))
        return Workspace.of([f for f in folders if f is not None])

    async def _begin_progress(self, token: str, uri: str) -> bool:
        window = self.server.client_capabilities.window
        if not (window and window.work_done_progress):
            return False
        try:
            await self.server.work_done_progress.create_async(token)
        except Exception as exc:
            log.debug("client refused progress: %s", exc)
            return False
        self.server.work_done_progress.begin(token, types.WorkDoneProgressBegin(
            title="Security scan", message=uri.rsplit("/", 1)[-1], cancellable=False, percentage=0))
        return True

    def _report(self, token: str, done: int, total: int) -> None:
        self.server.work_done_progress.report(token, types.WorkDoneProgressReport(
            message=f"{done}/{total} files", percentage=int(100 * done / max(total, 1))))


def register(ls, feature: SecurityFeature) -> None:
    ls.commands.register(protocol.CMD_START_SCAN, feature.start)
    ls.commands.register(protocol.CMD_STOP_SCAN, feature.stop)
    ls.commands.register(protocol.CMD_SHOW_SCANNED, feature.show_scanned)
