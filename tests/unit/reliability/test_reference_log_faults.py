"""The code-reference log under real faults: no room to write (the kernel's file-size limit,
RLIMIT_FSIZE, makes every write past the log's current size fail, as a full disk does) and a
process killed with SIGKILL in the middle of writing."""

from __future__ import annotations

import json
import resource
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from codewhisperer_lsp.references.log import LOG_NAME, ReferenceLog



def entry(i: int, size: int = 10) -> dict:
    return {"itemId": f"item-{i}", "message": "x" * size, "references": [{"licenseName": "MIT"}]}


def test_disk_full_keeps_the_entry_and_writes_it_later_by_itself(tmp_path):
    log = ReferenceLog(tmp_path, retry_first_s=0.3)
    assert log.append(entry(0, size=2_000_000))  # bigger than any other file this test writes
    path = tmp_path / LOG_NAME
    size = path.stat().st_size
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))  # no room past the log's end
    try:
        assert log.append(entry(1)) is False  # no exception: kept in memory
        assert log.pending == 1
        assert path.stat().st_size == size  # nothing half-written
        assert [e["itemId"] for e in log.read()["entries"]] == ["item-0", "item-1"]  # shown while unwritten
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))  # room again; nobody appends or flushes
    deadline = time.monotonic() + 10
    while log.pending and time.monotonic() < deadline:
        time.sleep(0.05)
    assert log.pending == 0, "the entry kept in memory was never written"
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert [e["itemId"] for e in lines] == ["item-0", "item-1"]


def test_a_lone_surrogate_never_blocks_the_log(tmp_path):
    log = ReferenceLog(tmp_path)
    assert log.append({"itemId": "bad", "message": "\ud800"})
    assert log.append(entry(2))
    assert [e["itemId"] for e in ReferenceLog(tmp_path).read()["entries"]] == ["bad", "item-2"]


WRITER = textwrap.dedent("""
    import sys
    from codewhisperer_lsp.references.log import ReferenceLog
    log = ReferenceLog(sys.argv[1])
    i = int(sys.argv[2])
    while True:
        if log.append({"itemId": f"item-{i}", "message": "x" * 400_000}):
            print(i, flush=True)  # acknowledged: from here on it must survive
        i += 1
""")


@pytest.mark.parametrize("round_", range(3))
def test_kill_during_writes_loses_no_acknowledged_entry(tmp_path, round_):
    acknowledged: list[int] = []
    start = 0
    for kill_after in (0.15, 0.3, 0.45):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), str(start)],
                                stdout=subprocess.PIPE, text=True)
        time.sleep(kill_after + 0.07 * round_)
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        acknowledged += [int(x) for x in out.split()]
        start += 10_000
    log = ReferenceLog(tmp_path)  # the next start
    ids = {e["itemId"] for e in log.read(limit=10_000)["entries"]}
    assert acknowledged, "the writer never got to write"
    assert {f"item-{i}" for i in acknowledged} <= ids
    assert log.append(entry(99))  # and the log goes on, on a line of its own
    assert log.read(offset=len(ids), limit=5)["entries"][-1]["itemId"] == "item-99"
    raw = Path(tmp_path, LOG_NAME).read_bytes()
    assert raw.endswith(b"\n")
