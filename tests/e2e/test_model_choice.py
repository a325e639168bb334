"""The default model chosen for this machine, for real: `codewhisperer-lsp model choose` measures
this machine's two built models (in a temporary cache that links to the real builds, so the
user's own choice is untouched), `model build` keeps the fresh choice without measuring again,
and a server with an empty `model` setting loads the chosen model and says why.

Needs both models built (the README's test command builds them); fails, never skips, without."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from codewhisperer_lsp.model.selection import Measurement, choose_default
from codewhisperer_lsp.model.registry import get_model
from tests.e2e.rawclient import RawServer, wait_state
from tests.unit.model.conftest import LARGE, SMALL, built

pytestmark = pytest.mark.model


def cli(env: dict, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "codewhisperer_lsp", "--log-level", "WARNING", *args],
                          env={**os.environ, **env}, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture
def cache_env(tmp_path):
    cache, state = tmp_path / "cache", tmp_path / "state"
    (cache / "models").mkdir(parents=True)
    state.mkdir()
    for name in (SMALL, LARGE):
        folder = built(name)
        if folder is None:
            pytest.fail(f"{name} is not built: run the README's test command, or "
                        f"codewhisperer-lsp model build --name {name}")
        (cache / "models" / folder.name).symlink_to(folder, target_is_directory=True)
    return cache, {"CODEWHISPERER_CACHE_DIR": str(cache), "CODEWHISPERER_STATE_DIR": str(state)}


def test_model_choose_measures_both_models_and_the_server_loads_the_choice(cache_env):
    cache, env = cache_env
    chosen = cli(env, "model", "choose")
    assert chosen.returncode == 0, chosen.stderr
    path = cache / "models" / "choice.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    choice = json.loads(path.read_text())
    measurements = [Measurement(**m) for m in choice["measurements"]]
    assert {m.model for m in measurements} == {SMALL, LARGE}
    assert all(m.p50_ms > 0 for m in measurements), measurements
    # the large model both ways: drafting with the small one (as the engine runs it) and with prompt lookup
    assert sorted(str(m.draft) for m in measurements if m.model == LARGE) == sorted([SMALL, "None"])
    assert choice["model"] == choose_default(measurements, [LARGE, SMALL]).model
    assert choice["reason"] in chosen.stdout and f"{choice['model']}" in chosen.stdout
    print(f"\n{chosen.stdout}")

    # nothing changed since: a build keeps the choice without measuring again
    rebuilt = cli(env, "model", "build")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "model choice up to date" in rebuilt.stderr, rebuilt.stderr
    assert json.loads(path.read_text()) == choice

    doctor = cli(env, "doctor")
    assert f"an empty `model` setting loads {choice['model']}: chosen for this machine" in doctor.stdout, doctor.stdout

    server = RawServer(env=env)
    try:
        assert server.initialize({"codewhisperer": {"numSuggestions": 1}})["result"]
        ready = wait_state(server, "ready", 0, timeout=300)
        assert ready["model"] == choice["model"], ready
        assert get_model(choice["model"]).display_name in ready["message"]
        assert f"(chosen for this machine: {choice['reason']})" in ready["message"], ready["message"]
    finally:
        server.close()
