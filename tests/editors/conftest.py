"""Real editors driving the real server. The tools come from editors/setup-test-tools.sh (run by
`./dev.sh test`); a missing tool fails the test with the set-up step that installs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EDITORS = ROOT / "editors"
SETUP = "editors/setup-test-tools.sh (run by ./dev.sh test, as root)"
SERVER = [sys.executable, "-m", "codewhisperer_lsp"]


def tool(name: str, step: str, candidates: tuple[Path, ...] = ()) -> str:
    """The path of an editor/tool, or a failure that names the set-up step installing it."""
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    found = shutil.which(name)
    if not found:
        pytest.fail(f"{name} is not installed: {step} installs it; run {SETUP}", pytrace=False)
    return found


def run(command: list[str], timeout: float, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        out = (exc.stdout or b"").decode(errors="replace") if isinstance(exc.stdout, bytes) else exc.stdout or ""
        err = (exc.stderr or b"").decode(errors="replace") if isinstance(exc.stderr, bytes) else exc.stderr or ""
        pytest.fail(f"{command[0]} timed out after {timeout}s\nstdout:\n{out[-4000:]}\nstderr:\n{err[-4000:]}")


def server_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["CODEWHISPERER_STATE_DIR"] = str(tmp_path / "state")
    env.setdefault("CODEWHISPERER_LOG_LEVEL", "INFO")
    return env
