"""Where the server keeps its files: caches (rebuildable) and state (the user's data).

Both follow the XDG base directories and can be moved with environment variables, so
tests and CI can point them elsewhere. Folders are created with user-only permissions.
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "codewhisperer-lsp"


def _ensure(path: Path) -> Path:
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    """Model artefacts, the reference index and other rebuildable data."""
    override = os.environ.get("CODEWHISPERER_CACHE_DIR")
    if override:
        return _ensure(Path(override).expanduser())
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return _ensure(Path(base) / APP)


def state_dir() -> Path:
    """The reference log, metrics and remembered toggles: data that must survive restarts."""
    override = os.environ.get("CODEWHISPERER_STATE_DIR")
    if override:
        return _ensure(Path(override).expanduser())
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return _ensure(Path(base) / APP)
