"""bandit loads every output formatter when it is imported; its optional SARIF formatter lacks a
package and stevedore logged that as an ERROR at every server start. The engine silences it first."""

import subprocess
import sys

SCRIPT = """
import logging
logging.basicConfig(level=logging.DEBUG)
from codewhisperer_lsp.security.engines.bandit_engine import _import_bandit
assert _import_bandit() is not None
"""


def test_importing_bandit_logs_no_error():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "ERROR" not in result.stderr and "sarif" not in result.stderr, result.stderr
