"""The code-reference log under real faults: no room to write (the kernel's file-size limit,
RLIMIT_FSIZE, makes every write past the log's current size fail, as a full disk does) and a
process killed with SIGKILL in the middle of writing."""

from __future__ import annotations

import errno
import json
import logging
import resource
import signal
import subprocess
import sys
import stat
import textwrap
import time
import zlib
from pathlib import Path

import pytest

from codewhisperer_lsp.references import log as log_mod
from codewhisperer_lsp.references.log import LOG_NAME, RESERVE_NAME, ReferenceLog
from codewhisperer_lsp.references.log_reserve import HEADER, MAGIC, RESERVE_SIZE



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
    print("ready", flush=True)
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
        # the kill is timed from the writer's first write, not from its start: on a loaded machine
        # starting Python and importing the log alone can take longer than the delay
        assert proc.stdout.readline().strip() == "ready"
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


# The log cannot grow (RLIMIT_FSIZE at its size, as a full disk) and the process is killed: what waits
# must come from the reserve, a preallocated file written in place. The log is made bigger than the
# reserve first, because RLIMIT_FSIZE refuses any write past the limit's offset, in any file.

NO_ROOM_WRITER = textwrap.dedent("""
    import logging, resource, sys, time
    from codewhisperer_lsp.references.log import ReferenceLog
    logging.basicConfig(level=logging.WARNING)
    folder, limit, count, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
    log = ReferenceLog(folder)
    print("ready", flush=True)
    i = 0
    while count < 0 or i < count:
        before = log.unsaved
        if log.append({"itemId": f"item-{i}", "message": "x" * size}) or log.unsaved == before:
            print(i, flush=True)  # acknowledged: in the log or in the reserve, it must survive a kill
        i += 1
    print("done", flush=True)
    time.sleep(60)
""")

READER = textwrap.dedent("""
    import json, sys
    from codewhisperer_lsp.references.log import ReferenceLog
    print(json.dumps([e["itemId"] for e in ReferenceLog(sys.argv[1]).read(limit=10_000)["entries"]]))
""")


def full_log(folder: Path) -> int:
    """A log bigger than the reserve, so the file-size limit can sit at its end and above the reserve."""
    assert ReferenceLog(folder).append(entry(-1, size=RESERVE_SIZE + 50_000))
    return (folder / LOG_NAME).stat().st_size


def run_killed(folder: Path, limit: int, count: int, size: int, kill_after: float | None = None):
    """The writer under the limit, SIGKILLed at 'done' (or kill_after s after 'ready'); (acknowledged, stderr)."""
    proc = subprocess.Popen([sys.executable, "-c", NO_ROOM_WRITER, str(folder), str(limit), str(count), str(size)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    acknowledged, out = [], proc.stdout
    assert out.readline().strip() == "ready", proc.stderr.read()
    if kill_after is not None:
        time.sleep(kill_after)
    else:
        for line in out:
            if line.strip() == "done":
                break
            acknowledged.append(int(line))
    proc.send_signal(signal.SIGKILL)
    rest, err = proc.communicate()
    acknowledged += [int(x) for x in rest.split() if x.isdigit()]
    assert proc.returncode == -signal.SIGKILL
    return acknowledged, err


def next_start(folder: Path) -> list[str]:
    """The item ids a fresh ReferenceLog in a new process (no file-size limit) shows."""
    out = subprocess.run([sys.executable, "-c", READER, str(folder)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def on_disk(folder: Path) -> list[str]:
    return [json.loads(line)["itemId"] for line in (folder / LOG_NAME).read_text().splitlines()]


def reserve_header(folder: Path) -> tuple[bytes, int, int]:
    return HEADER.unpack((folder / RESERVE_NAME).read_bytes()[:HEADER.size])


def test_entries_waiting_for_room_survive_a_kill_exactly_once_in_order(tmp_path):
    size = full_log(tmp_path)
    acknowledged, _ = run_killed(tmp_path, limit=size, count=40, size=2_000)
    assert acknowledged == list(range(40))  # 40 x 2 kB fit in the reserve: every append was saved
    assert (tmp_path / LOG_NAME).stat().st_size == size  # none of them reached the log before the kill
    assert reserve_header(tmp_path)[2] > 0  # they were in the reserve
    expected = ["item--1"] + [f"item-{i}" for i in acknowledged]
    assert next_start(tmp_path) == expected
    assert on_disk(tmp_path) == expected  # moved into the log, once each, in order
    reserve = tmp_path / RESERVE_NAME
    assert reserve_header(tmp_path)[2] == 0  # and the reserve cleared, its allocation kept
    assert reserve.stat().st_size == RESERVE_SIZE and stat.S_IMODE(reserve.stat().st_mode) == 0o600
    assert next_start(tmp_path) == expected  # a second start adds nothing


@pytest.mark.parametrize("kill_after", [0.05, 0.2, 0.4])
def test_kill_at_any_time_while_the_log_cannot_grow(tmp_path, kill_after):
    size = full_log(tmp_path)
    acknowledged, _ = run_killed(tmp_path, limit=size, count=-1, size=3_000, kill_after=kill_after)
    assert acknowledged, "the writer never got to append"
    shown = next_start(tmp_path)
    numbers = [int(item.removeprefix("item-")) for item in shown[1:]]
    assert shown[0] == "item--1" and numbers == sorted(set(numbers))  # in order, none twice
    assert set(acknowledged) <= set(numbers)
    assert on_disk(tmp_path) == shown


def test_a_full_reserve_keeps_the_oldest_entries_that_fit_and_warns(tmp_path):
    size = full_log(tmp_path)
    acknowledged, err = run_killed(tmp_path, limit=size, count=12, size=30_000)
    fit = (RESERVE_SIZE - HEADER.size) // len(json.dumps(entry(0, size=30_000)).encode())
    assert 0 < len(acknowledged) < 12 and acknowledged == list(range(len(acknowledged)))  # the oldest first
    assert len(acknowledged) >= fit - 1  # the reserve's room was used, not given up early
    assert "do not fit in the reserve" in err
    assert next_start(tmp_path) == ["item--1"] + [f"item-{i}" for i in acknowledged]  # none lost, none twice
    assert on_disk(tmp_path) == ["item--1"] + [f"item-{i}" for i in acknowledged]


KILLED_BEFORE_CLEARING = textwrap.dedent("""
    import os, resource, signal, sys
    from codewhisperer_lsp.references.log import ReferenceLog
    folder, limit = sys.argv[1], int(sys.argv[2])
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    log = ReferenceLog(folder)
    for i in range(5):
        assert not log.append({"itemId": f"item-{i}", "message": "x" * 100}) and log.unsaved == 0
    resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))  # room again
    log._clear_reserve = lambda: os.kill(os.getpid(), signal.SIGKILL)  # killed after the log's fsync
    log.flush()
""")


def test_kill_between_writing_the_log_and_clearing_the_reserve_duplicates_nothing(tmp_path):
    size = full_log(tmp_path)
    proc = subprocess.run([sys.executable, "-c", KILLED_BEFORE_CLEARING, str(tmp_path), str(size)],
                          capture_output=True, text=True)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    written = ["item--1"] + [f"item-{i}" for i in range(5)]
    assert on_disk(tmp_path) == written and reserve_header(tmp_path)[2] > 0  # in both places
    assert next_start(tmp_path) == written
    assert on_disk(tmp_path) == written and reserve_header(tmp_path)[2] == 0


def saved_reserve(folder: Path, items: list[str]) -> bytes:
    """A reserve as a killed run leaves it, holding ``items``."""
    body = b"".join(json.dumps({**entry(0), "itemId": item, "logId": f"id-{item}"}).encode() + b"\n"
                    for item in items)
    data = HEADER.pack(MAGIC, zlib.crc32(body), len(body)) + body
    return data + bytes(RESERVE_SIZE - len(data))


def damaged(data: bytes, how: str) -> bytes:
    if how == "body byte flipped":
        return data[:HEADER.size + 5] + bytes([data[HEADER.size + 5] ^ 0x20]) + data[HEADER.size + 6:]
    if how == "length past the file":
        magic, crc, _ = HEADER.unpack(data[:HEADER.size])
        return HEADER.pack(magic, crc, 10 * RESERVE_SIZE) + data[HEADER.size:]
    if how == "garbage header":
        return b"\xff" * HEADER.size + data[HEADER.size:]
    if how == "cut inside the header":
        return data[:HEADER.size - 3]
    raise ValueError(how)


@pytest.mark.parametrize("how", ["body byte flipped", "length past the file", "garbage header",
                                 "cut inside the header"])
def test_a_torn_reserve_is_ignored_with_a_warning(tmp_path, caplog, how):
    assert ReferenceLog(tmp_path).append(entry(1))
    (tmp_path / RESERVE_NAME).write_bytes(damaged(saved_reserve(tmp_path, ["item-2", "item-3"]), how))
    with caplog.at_level(logging.WARNING):
        log = ReferenceLog(tmp_path)
    if how != "cut inside the header":  # too short to hold a header: simply empty, reallocated
        assert "torn or damaged" in caplog.text
    assert [e["itemId"] for e in log.read()["entries"]] == ["item-1"]
    assert log.append(entry(4)) and on_disk(tmp_path) == ["item-1", "item-4"]
    assert reserve_header(tmp_path)[2] == 0 and (tmp_path / RESERVE_NAME).stat().st_size == RESERVE_SIZE


def test_a_sound_reserve_is_recovered_and_its_copy_in_the_log_skipped(tmp_path):
    log = ReferenceLog(tmp_path)
    assert log.append({**entry(0), "itemId": "item-2"})
    log.close()
    text = (tmp_path / LOG_NAME).read_text()  # item-2 as written by the log, with its own logId
    (tmp_path / LOG_NAME).write_text(text.replace(json.loads(text)["logId"], "id-item-2"))
    (tmp_path / RESERVE_NAME).write_bytes(saved_reserve(tmp_path, ["item-2", "item-3"]))
    assert [e["itemId"] for e in ReferenceLog(tmp_path).read()["entries"]] == ["item-2", "item-3"]
    assert on_disk(tmp_path) == ["item-2", "item-3"]
    assert "logId" not in ReferenceLog(tmp_path).read()["entries"][0]  # internal, not shown


def test_a_second_server_shows_the_owners_reserve_and_takes_it_over(tmp_path, monkeypatch):
    owner = ReferenceLog(tmp_path)
    assert owner.append(entry(0))
    real_write = log_mod.os.write
    monkeypatch.setattr(log_mod.os, "write", lambda fd, data: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full")))
    assert owner.append(entry(1)) is False and owner.unsaved == 0  # in the owner's reserve
    other = ReferenceLog(tmp_path)  # the reserve is locked: this one goes without
    assert other.append(entry(2)) is False and other.unsaved == 1
    assert [e["itemId"] for e in other.read()["entries"]] == ["item-0", "item-1", "item-2"]
    owner.close()  # the owner is gone (a dead process releases its lock the same way)
    monkeypatch.setattr(log_mod.os, "write", real_write)
    assert other.flush()
    assert on_disk(tmp_path) == ["item-0", "item-1", "item-2"]
    assert reserve_header(tmp_path)[2] == 0
