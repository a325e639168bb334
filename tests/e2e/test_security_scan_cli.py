"""`codewhisperer-lsp scan` as a pipeline runs it: the real command, the real engines, SARIF
validated against the SARIF 2.1.0 schema, exit codes, and confinement to the named paths."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "security" / "sarif" / "sarif-schema-2.1.0.json"

VULNERABLE = '''import subprocess
from flask import request


def run():
    cmd = request.args.get("cmd")
    subprocess.call("ls " + cmd, shell=True)
'''
CLEAN = "def add(a, b):\n    return a + b\n"


def scan(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "codewhisperer_lsp", "scan", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture
def project(tmp_path):
    root, outside = tmp_path / "project", tmp_path / "outside"
    (root / "app").mkdir(parents=True)
    outside.mkdir()
    (root / "app" / "views.py").write_text(VULNERABLE)
    (root / "app" / "util.py").write_text(CLEAN)
    (root / "app" / "Query.java").write_text(
        "class Query { void f(javax.servlet.http.HttpServletRequest r, java.sql.Connection c) throws Exception {\n"
        "  String q = \"select * from t where id=\" + r.getParameter(\"id\");\n"
        "  c.createStatement().executeQuery(q);\n} }\n")
    (outside / "secret.py").write_text("import os\nos.system(input())\n")
    os.symlink(outside / "secret.py", root / "app" / "linked.py")
    return root


def test_sarif_is_valid_and_names_the_findings(project):
    done = scan(project, "app", "--format", "sarif")
    assert done.returncode == 1, done.stderr
    log = json.loads(done.stdout)
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text())).validate(log)
    run = log["runs"][0]
    found = {(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
              r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in run["results"]}
    # bandit and the taint rule both see line 7; the merge keeps one of them
    assert found & {("bandit/B602", "app/views.py", 7), ("semgrep/py-cmdi-taint", "app/views.py", 7)}
    assert ("semgrep/java-sqli-taint", "app/Query.java", 3) in found
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert "external/cwe/cwe-89" in rules["semgrep/java-sqli-taint"]["properties"]["tags"]
    assert all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] != "app/util.py" for r in run["results"])
    notes = [n["message"]["text"] for n in run["invocations"][0]["toolExecutionNotifications"]]
    assert any("linked.py" in n and "symlink" in n for n in notes), notes


def test_exit_codes_follow_fail_on(project):
    assert scan(project, "app/util.py").returncode == 0
    assert scan(project, "app", "--fail-on", "none").returncode == 0
    assert scan(project, "app", "--fail-on", "high").returncode == 1
    bad = scan(project, "app", "--format", "xml")
    assert bad.returncode == 2 and "invalid choice" in bad.stderr


def test_json_and_text_list_the_symlink_out_without_reading_it(project):
    report = json.loads(scan(project, "app", "--format", "json", "--fail-on", "none").stdout)
    assert {"path": "app/linked.py", "reason": "a symlink to a file outside the workspace"} in report["skippedFiles"]
    assert "app/linked.py" not in report["scannedFiles"] and "app/views.py" in report["scannedFiles"]
    assert not [f for f in report["findings"] if "secret" in f["path"] or "outside" in f["path"]]
    text = scan(project, "app").stdout
    assert "app/views.py:7:" in text and "skipped app/linked.py" in text
