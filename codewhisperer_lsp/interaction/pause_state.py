"""The pause/resume toggle for automatic suggestions, remembered across restarts.

Separate from the setting `autoSuggestions`: the setting is the user's configuration, the toggle
is a quick on/off from the editor. Automatic suggestions run only when both allow them.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from codewhisperer_lsp.interaction.state_files import read_json, write_json

log = logging.getLogger(__name__)

FILE_NAME = "interaction.json"


class PauseState:
    def __init__(self, path: Path):
        self.path = path
        self._lock = threading.Lock()
        self._paused = read_json(path).get("paused") is True

    @property
    def paused(self) -> bool:
        return self._paused

    def set(self, paused: bool) -> None:
        with self._lock:
            self._paused = paused
            state = read_json(self.path)
            state["paused"] = paused
            try:
                write_json(self.path, state)
            except OSError as exc:  # the toggle still works for this session
                log.warning("could not remember the pause state in %s: %s", self.path, exc)
