"""workspace/executeCommand: a registry that each feature adds its commands to."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Callable
from urllib.parse import unquote

from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams

from codewhisperer_lsp import protocol
from codewhisperer_lsp.completion.auto_imports import insertion

APPLY_EDIT_TIMEOUT_S = 10.0

log = logging.getLogger(__name__)

Handler = Callable[[list[Any]], Any]


class Commands:
    def __init__(self, server):
        self.server = server
        self.handlers: dict[str, Handler] = {}
        self.register(protocol.CMD_ACCEPT, self.accept)
        self.register(protocol.CMD_PAUSE, self.pause)
        self.register(protocol.CMD_RESUME, self.resume)

    def register(self, name: str, handler: Handler) -> None:
        self.handlers[name] = handler

    def run(self, name: str, arguments: list[Any]) -> Any:
        handler = self.handlers.get(name)
        if handler is None:
            raise JsonRpcInvalidParams(f"unknown command {name!r}")
        return handler(arguments)

    def accept(self, arguments: list[Any]) -> dict:
        """The client ran an item's command after inserting it: count it, log its references."""
        info = arguments[0] if arguments and isinstance(arguments[0], dict) else None
        if info is None or not isinstance(info.get("itemId"), str) or not isinstance(info.get("sessionId"), str):
            raise JsonRpcInvalidParams("acceptSuggestion needs the item's arguments: {sessionId, itemId, ...}")
        first_time = self.server.completion.accepted(info)
        entry = self.server.references.accepted(info) if first_time else None
        log.info("suggestion accepted: %s%s", info["itemId"], " (with references)" if entry else "")
        result = {"accepted": True, "first": first_time, "referenceLogged": entry is not None, "importsAdded": []}
        imports = info.get("imports")
        if not first_time or not imports:
            return result
        if not isinstance(imports, list) or not all(isinstance(i, str) for i in imports) \
                or not isinstance(info.get("uri"), str):
            raise JsonRpcInvalidParams("acceptSuggestion: imports must be a list of import statements, with the uri")
        return self._add_imports(info["uri"], str(info.get("languageId") or ""), imports, result)

    async def _add_imports(self, uri: str, language_id: str, imports: list[str], result: dict) -> dict:
        """The item's imports that the file still lacks, at the top of the file: one workspace/applyEdit."""
        workspace_caps = self.server.client_capabilities.workspace
        document = self.server.workspace.text_documents.get(unquote(uri))
        if document is None or workspace_caps is None or not workspace_caps.apply_edit:
            return result
        where = insertion(language_id or document.language_id or "", document.source, imports)
        if where is None:
            return result
        position = types.Position(where.line, where.character)
        edit = types.WorkspaceEdit(changes={uri: [types.TextEdit(types.Range(position, position), where.text)]})
        try:
            answer = await asyncio.wait_for(self.server.workspace_apply_edit_async(
                types.ApplyWorkspaceEditParams(edit=edit, label="Add import")), APPLY_EDIT_TIMEOUT_S)
        except Exception as exc:  # no answer, or an error: the suggestion stays accepted
            log.warning("adding %s to %s failed: %s", ", ".join(where.imports), uri, exc)
            return result
        if answer is not None and answer.applied:
            result["importsAdded"] = list(where.imports)
        else:
            log.info("the editor did not add %s to %s: %s", ", ".join(where.imports), uri,
                     getattr(answer, "failure_reason", None))
        return result

    def pause(self, arguments: list[Any]) -> dict:
        return self.server.completion.set_paused(True)

    def resume(self, arguments: list[Any]) -> dict:
        return self.server.completion.set_paused(False)
