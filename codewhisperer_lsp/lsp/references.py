"""The reference tracker over LSP: the licensed-code index (built in the background), the
findReferences and getReferenceLog requests, and the codewhisperer/referenceLog stream when a
suggestion with references is accepted.
"""

from __future__ import annotations

import asyncio
import datetime
import logging
import threading
from typing import Any

from lsprotocol import types

from codewhisperer_lsp import protocol
from codewhisperer_lsp.lsp.feature import Feature, ServerPort
from codewhisperer_lsp.lsp.params import field as _field
from codewhisperer_lsp.paths import cache_dir, state_dir
from codewhisperer_lsp.references.index import ReferenceIndex
from codewhisperer_lsp.references.log import ReferenceLog, format_message

log = logging.getLogger(__name__)


class ReferenceFeature(Feature):
    name = "references"

    def __init__(self, server: ServerPort):
        self.server = server
        self.index = ReferenceIndex(cache_dir())
        self.log = ReferenceLog(state_dir())
        self._build_thread: threading.Thread | None = None

    def initialized(self) -> None:
        self.start_index()

    def start_index(self) -> None:
        if self.server.settings.references.database:
            self._use_database(self.server.settings.references.database)
        self.index.extra_folders = self.folders()
        if self._build_thread is None:
            self._build_thread = self.index.build()

    def _use_database(self, url: str) -> None:
        """A team's shared index instead of the local file (read-only; set at start)."""
        loop = asyncio.get_running_loop()

        def changed(available: bool, reason: str) -> None:
            if not available:
                loop.call_soon_threadsafe(self.server.tell_once, "the team's reference index is unavailable: "
                                          "suggestions go on without reference checks until it is back",
                                          types.MessageType.Warning)

        local, self.index = self.index, ReferenceIndex(cache_dir(), database=url, on_database_change=changed)
        local.close()

    def folders(self) -> list[dict]:
        """The administrator's folders (policy file), then the user's (setting), without repeats."""
        chosen: dict[str, dict] = {}
        for folder in (*self.server.policy.referenceFolders, *self.server.settings.referenceFolders):
            chosen.setdefault(folder["path"], folder)
        return list(chosen.values())

    def apply_settings(self, new, previous) -> None:
        """Re-index when the configured folders changed (the build is incremental)."""
        if self._build_thread is None or self.folders() == self.index.extra_folders:
            return
        if self._build_thread.is_alive():
            return  # the running build finishes first; the next change or start picks the folders up
        self.index.extra_folders = self.folders()
        self._build_thread = self.index.build()

    def find(self, text: str) -> list[dict]:
        return [reference.to_dict() for reference in self.index.find_references(text)]

    async def find_request(self, params: Any) -> dict:
        text = _field(params, "text")
        if not isinstance(text, str):
            from pygls.exceptions import JsonRpcInvalidParams

            raise JsonRpcInvalidParams("findReferences needs {text: string}")
        references = await asyncio.get_running_loop().run_in_executor(None, self.find, text)
        return {"references": references, "index": self.index.status()}

    def get_log(self, params: Any) -> dict:
        offset = _field(params, "offset", 0)
        limit = _field(params, "limit", 100)
        offset = offset if isinstance(offset, int) and offset >= 0 else 0
        limit = limit if isinstance(limit, int) and 0 < limit <= 10_000 else 100
        return self.log.read(offset=offset, limit=limit)

    def accepted(self, info: dict) -> dict | None:
        """Log an accepted suggestion that carries references and stream the entry to the editor."""
        references = [r for r in info.get("references") or [] if isinstance(r, dict)]
        if not references:
            return None
        code = str(info.get("text", ""))
        position = info.get("position") if isinstance(info.get("position"), dict) else {}
        start = position.get("line", 0)
        end = start + code.count("\n")
        uri = str(info.get("uri", ""))
        entry = {
            "timestamp": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "uri": uri,
            "range": {"start": {"line": start, "character": position.get("character", 0)},
                      "end": {"line": end, "character": len(code.rsplit("\n", 1)[-1])
                              + (position.get("character", 0) if end == start else 0)}},
            "sessionId": info.get("sessionId"),
            "itemId": info.get("itemId"),
            "message": format_message(code, references, uri.rsplit("/", 1)[-1], start + 1, end + 1),
            "references": references,
        }
        self.log.append(entry)
        self.server.protocol.notify(protocol.REFERENCE_LOG, entry)
        return entry
