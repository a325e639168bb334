"""workspace/executeCommand: a registry that each feature adds its commands to."""

from __future__ import annotations

import dataclasses
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
        info = arguments[0] if arguments and isinstance(arguments[0], dict) else {}
        log.info("suggestion accepted: %s", info.get("itemId"))
        return {"accepted": bool(info.get("itemId"))}

    def pause(self, arguments: list[Any]) -> dict:
        self.server.settings = dataclasses.replace(self.server.settings, autoSuggestions=False)
        return {"autoSuggestions": False}

    def resume(self, arguments: list[Any]) -> dict:
        self.server.settings = dataclasses.replace(self.server.settings, autoSuggestions=True)
        return {"autoSuggestions": True}
