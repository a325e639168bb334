"""Emacs (batch) with eglot runs editors/emacs/codewhisperer-eglot.el against the real server and
model: connects, gets a suggestion (M-c) and accepts it (TAB), pauses/resumes, runs a security scan
and reads the Flymake diagnostics, loads the reference log."""

from __future__ import annotations

import json

from tests.editors.conftest import EDITORS, ROOT, SERVER, run, server_env, tool
from tests.editors.test_neovim import seed_reference_log

DRIVER = ROOT / "tests" / "editors" / "emacs" / "drive.el"


def test_emacs_eglot_end_to_end(tmp_path):
    emacs = tool("emacs", "the Debian step (apt-get install emacs-nox elpa-eglot)")
    env = server_env(tmp_path)
    seed_reference_log(tmp_path / "state")
    work = tmp_path / "work"
    work.mkdir()
    (work / ".git").mkdir()  # a project root for eglot
    env.update(CW_PLUGIN=str(EDITORS / "emacs"), CW_SERVER="\t".join(SERVER), CW_WORKDIR=str(work),
               CW_RESULT=str(tmp_path / "result.json"))
    done = run([emacs, "--batch", "--no-init-file", "-l", str(DRIVER)],  # site-start: Debian's elpa paths
               timeout=230, cwd=work, env=env)
    assert (tmp_path / "result.json").is_file(), f"no result\nstdout:\n{done.stdout}\nstderr:\n{done.stderr[-4000:]}"
    result = json.loads((tmp_path / "result.json").read_text())
    assert result["error"] is None, json.dumps(result, indent=1) + done.stderr[-3000:]
    assert done.returncode == 0, done.stderr[-3000:]
    steps = {s["step"]: s for s in result["steps"]}

    connected = steps["connected"]
    assert connected["server"] == "codewhisperer-eglot-server" and connected["status"]["state"] == "ready", connected
    assert connected["minor"] is True, connected

    suggestion = steps["suggestion"]
    assert suggestion["text"].strip() and suggestion["unchanged"] is True, suggestion
    assert suggestion["tab"] == "codewhisperer-eglot-accept", suggestion
    accept = steps["accept"]
    before = accept["before"].split("\n")
    assert accept["after"] == "\n".join(before[:2] + [before[2] + accept["inserted"]] + before[3:]), accept
    assert accept["visible"] is None and accept["result"]["accepted"] is True, accept

    assert steps["pause"]["pause"]["autoSuggestions"] is False
    assert steps["pause"]["resume"]["autoSuggestions"] is True

    scan = steps["scan"]
    assert scan["summary"]["status"] == "Succeeded" and scan["summary"]["findings"] >= 1, scan
    assert any(d["line"] == 5 and "B602" in d["text"] or "shell" in d["text"].lower() and d["line"] == 5
               for d in scan["diagnostics"]), scan

    text = steps["reference log"]["text"]
    assert "seeded entry" in text and "MIT  example/seeded" in text, text
