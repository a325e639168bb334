"""A protocol that answers every request, even one whose params fail to parse.

pygls drops such a request without a response (the id is lost when deserialisation fails), and
an editor then waits forever. Here the id is kept and an InvalidParams error goes back.
"""

from __future__ import annotations

import logging
from typing import Any

from pygls.exceptions import JsonRpcException, JsonRpcInvalidRequest
from pygls.protocol import LanguageServerProtocol

log = logging.getLogger(__name__)


class _Answered:
    """Stands in for a message that was already answered with an error."""

    jsonrpc = None


class RobustProtocol(LanguageServerProtocol):
    def structure_message(self, data: dict[str, Any]):
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if "id" in data and "method" in data and isinstance(data["id"], (int, str)):
                method = data.get("method")
                log.warning("invalid params for %s (id %r): answered with %s", method, data["id"], exc.code)
                error = type(exc)(f"invalid params for {method}").to_response_error()
                self._send_response(data["id"], error=error)
                return _Answered()
            if "id" in data and "method" not in data:
                return _Answered()  # a malformed response from the client: nothing to answer
            if "method" in data:
                log.warning("dropping malformed notification %s", data.get("method"))
                return _Answered()
            raise

    def handle_message(self, message):
        if isinstance(message, _Answered):
            return
        if not hasattr(message, "jsonrpc"):
            log.warning("dropping a message that is not a JSON-RPC object: %.200r", message)
            self._send_response(None, error=JsonRpcInvalidRequest("not a JSON-RPC request").to_response_error())
            return
        super().handle_message(message)
