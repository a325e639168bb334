"""The pre-commit hook runs the scan command with arguments the command accepts."""

import shlex
from pathlib import Path

import yaml

from codewhisperer_lsp.cli import parser

HOOKS = Path(__file__).resolve().parents[3] / ".pre-commit-hooks.yaml"


def test_the_hook_entry_is_a_valid_scan_command():
    hooks = yaml.safe_load(HOOKS.read_text())
    hook = next(h for h in hooks if h["id"] == "codewhisperer-security-scan")
    program, *args = shlex.split(hook["entry"])
    assert program == "codewhisperer-lsp" and hook["language"] == "python"
    parsed = parser().parse_args(args + ["staged.py", "other.java"])  # pre-commit appends the file names
    assert parsed.paths == ["staged.py", "other.java"] and parsed.fail_on == "high" and parsed.format == "text"
