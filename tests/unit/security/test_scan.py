"""SecurityScanner: following imports, limits, cancellation, failing engines, suggestion check."""

import logging
import threading
import time
from pathlib import Path

from codewhisperer_lsp.security.engines.rules_engine import RulesEngine
from codewhisperer_lsp.security.findings import Finding
from codewhisperer_lsp.security.scan import ScanLimits, ScanStatus, SecurityScanner, uri_to_path


def _workspace(tmp_path: Path) -> Path:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "main.py").write_text("from pkg import util\nimport os\nos.system('ls ' + x)\n")
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "util.py").write_text("import hashlib\nh = hashlib.md5(b'x')\n")
    return tmp_path


def _no_buffers(uri):
    return None


def test_scan_follows_imports_and_prefers_the_open_buffer(tmp_path):
    root = _workspace(tmp_path)
    entry = (root / "main.py").as_uri()
    buffers = {entry: "from pkg import util\nimport pickle\npickle.loads(data)\n"}  # unsaved edit
    seen = []
    result = SecurityScanner().scan(entry, buffers.get, root,
                                    progress=lambda done, total: seen.append((done, total)))
    assert result.status is ScanStatus.SUCCEEDED
    assert len(result.scanned_files) == 3 and seen[-1] == (3, 3)
    rule_ids = [f.rule_id for f in result.findings_by_uri[entry]]
    assert "B301" in rule_ids and "B605" not in rule_ids  # the buffer was scanned, not the disk copy
    util = (root / "pkg" / "util.py").resolve().as_uri()
    assert [f.cwe for f in result.findings_by_uri[util]] == [(328, 327)]  # a weak hash, and its parent class


def test_files_over_the_limits_are_listed_as_skipped(tmp_path):
    root = _workspace(tmp_path)
    (root / "pkg" / "util.py").write_text("x = 1\n" * 5000)
    result = SecurityScanner().scan((root / "main.py").as_uri(), _no_buffers, root, ScanLimits(max_files=2, max_bytes=1000))
    reasons = dict(result.skipped_files)
    assert any("limit" in r for r in reasons.values())
    assert len(result.scanned_files) + len(result.skipped_files) == 3


def test_cancelled_scan_reports_cancelled_and_lists_the_rest(tmp_path):
    root = _workspace(tmp_path)
    cancel = threading.Event()
    cancel.set()
    result = SecurityScanner().scan((root / "main.py").as_uri(), _no_buffers, root, cancel_event=cancel)
    assert result.status is ScanStatus.CANCELLED and result.scanned_files == []
    assert {reason for _, reason in result.skipped_files} == {"cancelled"}


class _Boom:
    name, languages = "boom", frozenset({"*"})

    def available(self):
        return True, ""

    def scan(self, *_):
        raise ValueError("engine bug")


class _Slow(_Boom):
    name = "slow"

    def scan(self, *_):
        time.sleep(0.3)
        return []


def test_a_crashing_engine_is_logged_once_and_others_still_report(tmp_path, caplog):
    root = _workspace(tmp_path)
    scanner = SecurityScanner(engines=(_Boom(), RulesEngine()))
    with caplog.at_level(logging.WARNING):
        result = scanner.scan((root / "main.py").as_uri(), _no_buffers, root)
    assert result.status is ScanStatus.SUCCEEDED
    assert "engine bug" in result.engine_errors["boom"]
    assert caplog.text.count("engine bug") == 1
    assert any(f.rule_id == "py.os-system" for fs in result.findings_by_uri.values() for f in fs)


def test_timeout_gives_timed_out_status(tmp_path):
    root = _workspace(tmp_path)
    scanner = SecurityScanner(engines=(_Slow(),))
    result = scanner.scan((root / "main.py").as_uri(), _no_buffers, root, ScanLimits(timeout_s=0.2))
    assert result.status is ScanStatus.TIMED_OUT
    assert result.skipped_files and all(r == "scan timed out" for _, r in result.skipped_files)


def test_check_suggestion_python_fragment_inside_a_function():
    before = "import subprocess\n\ndef run(cmd):\n    if cmd:\n        "
    suggestion = "subprocess.call(cmd, shell=True)\n"
    after = "    return None\n\n\ndef other():\n    eval(input())\n"
    findings = SecurityScanner().check_suggestion("python", before, suggestion, after)
    assert [(f.rule_id, f.start_line) for f in findings] == [("B602", 4)]  # not the eval below


def test_check_suggestion_other_languages_and_positions():
    before = "class A {\n  byte[] h(byte[] d) throws Exception {\n    return "
    suggestion = 'MessageDigest.getInstance("MD5").digest(d);'
    findings = SecurityScanner().check_suggestion("java", before, suggestion, "\n  }\n}\n")
    assert [(f.rule_id, f.start_line, f.start_col) for f in findings] == [("java.weak-hash", 2, 11)]
    assert SecurityScanner().check_suggestion("java", before, 'MessageDigest.getInstance("SHA-256");', "") == []


def test_check_suggestion_finds_a_secret_and_redacts_it():
    findings = SecurityScanner().check_suggestion("go", "package m\n", 'var key = "AKIAIOSFODNN7EXAMPLE"\n', "")
    assert findings and all("AKIAIOSFODNN7EXAMPLE" not in f.snippet for f in findings)
    assert findings[0].start_line == 1


def test_findings_outside_the_suggestion_are_not_reported():
    before = 'String q = "SELECT * FROM t WHERE a=" + a;\n'
    findings = SecurityScanner().check_suggestion("java", before, "int x = 1;\n", "")
    assert findings == []
