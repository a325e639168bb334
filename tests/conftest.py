"""Every server a test starts keeps its state (pause toggle, metrics, reference log) in a folder of
the test run, never in the user's own state folder."""

import os
import tempfile

os.environ.setdefault("CODEWHISPERER_STATE_DIR", tempfile.mkdtemp(prefix="codewhisperer-test-state-"))
