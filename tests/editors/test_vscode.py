"""VS Code: the extension compiles, and vscode-languageserver-protocol (the library under
vscode-languageclient) gets every custom message from the real server in its documented shape."""

from __future__ import annotations

import json

from tests.editors.conftest import EDITORS, SERVER, run, server_env, tool

VSCODE = EDITORS / "vscode"


def node_modules() -> None:
    if not (VSCODE / "node_modules" / "vscode-languageclient").is_dir():
        import pytest

        pytest.fail("editors/vscode/node_modules is missing: the npm step (`npm ci` in editors/vscode) of "
                    "editors/setup-test-tools.sh installs it", pytrace=False)


def test_extension_compiles(tmp_path):
    npm = tool("npm", "the nodejs/npm step")
    node_modules()
    done = run([npm, "run", "compile", "--", "--outDir", str(tmp_path / "out")], timeout=120, cwd=VSCODE)
    assert done.returncode == 0, done.stdout + done.stderr
    for module in ("extension", "protocol", "referenceLog", "securityScan", "settings", "statusBar"):
        assert (tmp_path / "out" / f"{module}.js").is_file(), module
    manifest = json.loads((VSCODE / "package.json").read_text())
    assert manifest["main"] == "./out/extension.js"


def test_custom_messages_match_the_documented_shapes(tmp_path):
    node = tool("node", "the nodejs/npm step")
    node_modules()
    script = EDITORS.parent / "tests" / "editors" / "node" / "check_protocol.mjs"
    done = run([node, str(script), str(tmp_path), *SERVER], timeout=240, env=server_env(tmp_path))
    assert done.returncode == 0, f"stdout:\n{done.stdout}\nstderr:\n{done.stderr[-6000:]}"
    passed = [json.loads(line)["passed"] for line in done.stdout.splitlines() if line.startswith("{")]
    assert passed == ["initialize", "codewhisperer/status", "textDocument/inlineCompletion",
                      "codewhisperer.acceptSuggestion", "pause/resume", "codewhisperer/getReferenceLog",
                      "codewhisperer/findReferences", "security scan", "unknown command"], done.stdout
