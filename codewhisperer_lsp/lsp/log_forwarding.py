"""Send the server's warnings and errors to the editor as window/logMessage (stderr keeps all)."""

from __future__ import annotations

import logging

from lsprotocol import types

LEVELS = {logging.ERROR: types.MessageType.Error, logging.WARNING: types.MessageType.Warning,
          logging.INFO: types.MessageType.Info}


class ClientLogHandler(logging.Handler):
    def __init__(self, server):
        super().__init__(level=logging.WARNING)
        self.server = server

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith("pygls"):
            return  # pygls logs about the transport itself: sending those could loop
        try:
            kind = LEVELS.get(record.levelno, types.MessageType.Log)
            self.server.window_log_message(types.LogMessageParams(kind, self.format(record)))
        except Exception:  # no transport (yet): stderr has the record already
            pass


def install(server) -> None:
    logging.getLogger("codewhisperer_lsp").addHandler(ClientLogHandler(server))
