"""The code-reference log: durable, private, and forgiving of kills and full disks."""

from __future__ import annotations

import errno
import json
import os
import stat

from codewhisperer_lsp.references import log as log_mod
from codewhisperer_lsp.references.log import ReferenceLog, format_message
from codewhisperer_lsp.references.matcher import Reference


def test_entries_survive_a_new_instance_and_file_is_private(tmp_path):
    ReferenceLog(tmp_path).append({"n": 1})
    ReferenceLog(tmp_path).append({"n": 2})
    log = ReferenceLog(tmp_path)
    assert [e["n"] for e in log.read()["entries"]] == [1, 2]
    assert stat.S_IMODE(os.stat(log.path).st_mode) == 0o600


def test_pagination(tmp_path):
    log = ReferenceLog(tmp_path)
    for n in range(7):
        log.append({"n": n})
    page = log.read(offset=5, limit=10)
    assert page["total"] == 7 and [e["n"] for e in page["entries"]] == [5, 6]
    assert [e["n"] for e in log.read(limit=2)["entries"]] == [0, 1]


def test_torn_last_line_is_skipped_and_not_glued(tmp_path):
    log = ReferenceLog(tmp_path)
    log.append({"n": 1})
    with open(log.path, "ab") as f:
        f.write(b'{"n": 2, "trunc')
    assert [e["n"] for e in ReferenceLog(tmp_path).read()["entries"]] == [1]
    ReferenceLog(tmp_path).append({"n": 3})
    assert [e["n"] for e in ReferenceLog(tmp_path).read()["entries"]] == [1, 3]


def test_disk_full_keeps_entries_and_retries(tmp_path, monkeypatch):
    log = ReferenceLog(tmp_path)
    log.append({"n": 1})
    real_write = os.write

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(log_mod.os, "write", full)
    assert log.append({"n": 2}) is False
    assert log.pending == 1
    assert [e["n"] for e in log.read()["entries"]] == [1, 2]
    monkeypatch.setattr(log_mod.os, "write", real_write)
    assert log.append({"n": 3}) is True and log.pending == 0
    lines = log.path.read_text().splitlines()
    assert [json.loads(line)["n"] for line in lines] == [1, 2, 3]


def test_flush_retries_without_new_entry(tmp_path, monkeypatch):
    log = ReferenceLog(tmp_path)
    monkeypatch.setattr(log_mod.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(errno.EIO, "io")))
    assert log.append({"n": 1}) is False
    monkeypatch.undo()
    assert log.flush() is True
    assert [e["n"] for e in ReferenceLog(tmp_path).read()["entries"]][-1] == 1


def test_format_message_follows_the_guide():
    ref = Reference("MIT", "https://github.com/o/r", "https://github.com/o/r/x.py#L3-L9", 0, 10, "info")
    text = format_message("print(1)", [ref], "src/app.py", 4, 12)
    assert text == ("Accepted recommendation with code print(1) provided with reference under MIT "
                    "from repository https://github.com/o/r. Added to src/app.py (lines from 4 to 12).")
