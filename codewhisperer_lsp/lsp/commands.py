"""workspace/executeCommand: a registry that each feature adds its commands to."""

from __future__ import annotations

import logging
from typing import Any, Callable

from pygls.exceptions import JsonRpcInvalidParams

from codewhisperer_lsp import protocol

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
        return {"accepted": True, "first": first_time, "referenceLogged": entry is not None}

    def pause(self, arguments: list[Any]) -> dict:
        return self.server.completion.set_paused(True)

    def resume(self, arguments: list[Any]) -> dict:
        return self.server.completion.set_paused(False)
