"""Running an engine's command-line tool on buffer text fed through stdin, with a timeout."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

log = logging.getLogger(__name__)


class EngineTimeout(Exception):
    pass


def find_tool(name: str) -> str | None:
    """A tool installed in this interpreter's environment first (pip wheels), then on PATH."""
    local = Path(sys.executable).parent / name
    if local.is_file() and os.access(local, os.X_OK):
        return str(local)
    return shutil.which(name)


def run_tool(argv: list[str], text: str, timeout_s: float) -> subprocess.CompletedProcess:
    """Run with `text` on stdin; stdout/stderr captured (never inherited: our stdout is the LSP pipe)."""
    try:
        return subprocess.run(
            argv,
            input=text.encode("utf-8"),
            capture_output=True,
            timeout=timeout_s,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise EngineTimeout(f"{Path(argv[0]).name} took longer than {timeout_s}s") from exc
