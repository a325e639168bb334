"""The reference log's reserve: a preallocated file that holds entries the log could not take.

When the disk is full the log itself cannot grow, so entries waiting for room would live only
in memory and die with the process. Databases solve this with space set aside while there is
some; this is the same idea. The reserve file (RESERVE_SIZE bytes, mode 0600) is allocated up
front with posix_fallocate (zeros written where that is unsupported), and entries are written
into it *in place*, inside blocks the file already owns: that needs no new space, and stays
below a file-size limit (RLIMIT_FSIZE) as long as the limit is above the reserve's size.

Layout: a 16-byte header (magic, crc32 of the body, body length) at offset 0, then the body,
JSON lines, from offset 16. The body only ever grows between clears: new lines are written
after the old ones and fsync'ed, and only then the header is rewritten to cover them (one
16-byte write) and fsync'ed. A kill in between leaves the old header, which still describes
bytes that were never touched, so the entries saved before are never put at risk by saving
more. A header whose checksum does not match (a damaged disk, a foreign file) is ignored with a
warning. Clearing writes a zero length.

One process owns the reserve at a time (an flock held while it lives, released by the kernel
when it dies); another server on the same state folder goes without one and keeps its unwritten
entries in memory, as before the reserve existed, until the owner is gone. Others may read it
(``peek``) without the lock.

Not guaranteed on copy-on-write filesystems (btrfs, ZFS), where rewriting a block needs new
space however it was allocated.
"""

from __future__ import annotations

import errno
import fcntl
import logging
import os
import struct
import zlib
from pathlib import Path
from typing import Callable, Iterable

log = logging.getLogger(__name__)

RESERVE_SIZE = 256 * 1024
HEADER = struct.Struct("<4sIQ")  # magic, crc32 of the body, body length in bytes
MAGIC = b"CWR1"
_EMPTY = HEADER.pack(MAGIC, 0, 0)
_UNSUPPORTED = {errno.EOPNOTSUPP, errno.EINVAL, errno.ENOSYS}


class Reserve:
    """The reserve file of one log; ``key`` gives a saved line's unique id (None if it has none)."""

    def __init__(self, path: Path, key: Callable[[str], str | None], size: int = RESERVE_SIZE) -> None:
        self.path = path
        self.size = size
        self._key = key
        self._file = None  # an unbuffered file object (closed with this object) while we own it
        self._capacity = 0
        self.lines: list[tuple[str, str]] = []  # (id, line) saved in the body, oldest first
        self.ids: set[str] = set()
        self._used = 0
        self._crc = 0

    @property
    def owned(self) -> bool:
        return self._file is not None

    @property
    def capacity(self) -> int:
        """Bytes the body may hold without the file growing."""
        return self._capacity

    def take(self) -> bool:
        """Open (creating it) and lock the reserve, allocate it, load what it holds; False if another process owns it."""
        if self.owned:
            return True
        created = not self.path.exists()
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            log.warning("reference log reserve %s cannot be opened (%s); going without it", self.path, exc)
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False  # another server on this state folder owns it
        self._file = os.fdopen(fd, "r+b", buffering=0)
        if created:
            _fsync_dir(self.path.parent)
        self.allocate()
        self._load()
        return True

    def allocate(self) -> None:
        """Give the file its full size when there is room; what it holds is kept."""
        fd = self._fd()
        try:
            if os.fstat(fd).st_size < self.size:
                try:
                    os.posix_fallocate(fd, 0, self.size)
                except OSError as exc:
                    if exc.errno not in _UNSUPPORTED:
                        raise
                    self._fill_zeros(fd)
                os.fsync(fd)
        except OSError as exc:
            log.debug("reference log reserve not (fully) allocated: %s", exc)
        self._capacity = max(0, os.fstat(fd).st_size - HEADER.size)

    def _fill_zeros(self, fd: int) -> None:
        size = os.fstat(fd).st_size
        chunk = b"\0" * 65536
        while size < self.size:
            size += os.pwrite(fd, chunk[:self.size - size], size)

    def _load(self) -> None:
        lines = self._read(self._fd(), warn=True)
        if lines is None:
            try:
                self.clear()
            except OSError as exc:
                log.warning("could not clear the damaged reference log reserve: %s", exc)
            return
        self.lines = lines
        self.ids = {key for key, _ in lines}
        self._used = sum(len(line.encode("utf-8")) + 1 for _, line in lines)
        self._crc = zlib.crc32(b"".join(line.encode("utf-8") + b"\n" for _, line in lines))

    def _read(self, fd: int, warn: bool) -> list[tuple[str, str]] | None:
        """The saved (id, line) pairs; None when the header or its checksum is wrong."""
        size = os.fstat(fd).st_size
        header = os.pread(fd, HEADER.size, 0)
        if len(header) < HEADER.size or header == bytes(HEADER.size) or header == _EMPTY:
            return []
        magic, crc, length = HEADER.unpack(header)
        body = os.pread(fd, length, HEADER.size) if magic == MAGIC and length <= size - HEADER.size else b""
        if magic != MAGIC or len(body) != length or zlib.crc32(body) != crc:
            if warn:
                log.warning("reference log reserve %s is torn or damaged (bad header or checksum); ignoring it",
                            self.path)
            return None
        saved = []
        for raw in body.split(b"\n")[:-1]:
            line = raw.decode("utf-8", errors="replace")
            key = self._key(line)
            if key is None:
                log.warning("skipping an entry without an id in the reference log reserve %s", self.path)
                continue
            saved.append((key, line))
        return saved

    def peek(self) -> list[tuple[str, str]]:
        """What the reserve holds, read without owning it (a failed or racing read gives [])."""
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except OSError:
            return []
        try:
            return self._read(fd, warn=False) or []
        except OSError:
            return []
        finally:
            os.close(fd)

    def save(self, entries: Iterable[tuple[str, str]]) -> int:
        """Add the entries not saved yet, oldest first, as many as fit; returns how many did not fit.

        Raises OSError when the write fails; what was saved before is then still intact.
        """
        fd = self._fd()
        room = self._capacity - self._used
        chosen, blob, unfit = [], bytearray(), 0
        for key, line in entries:
            if key in self.ids:
                continue
            data = line.encode("utf-8") + b"\n"
            if len(data) <= room:
                chosen.append((key, line))
                blob += data
                room -= len(data)
            else:
                unfit += 1
        if chosen:
            _pwrite_all(fd, bytes(blob), HEADER.size + self._used)
            os.fsync(fd)  # the lines first, so the header never covers bytes not on disk
            used, crc = self._used + len(blob), zlib.crc32(blob, self._crc)
            _pwrite_all(fd, HEADER.pack(MAGIC, crc, used), 0)
            os.fsync(fd)
            self._used, self._crc = used, crc
            self.lines += chosen
            self.ids.update(key for key, _ in chosen)
        return unfit

    def clear(self) -> None:
        """Mark the reserve empty (its allocation stays). Raises OSError when that fails."""
        fd = self._fd()
        if os.fstat(fd).st_size >= HEADER.size:  # never grow the file to write the header
            _pwrite_all(fd, _EMPTY, 0)
            os.fsync(fd)
        self.lines, self.ids, self._used, self._crc = [], set(), 0, 0

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def _fd(self) -> int:
        assert self._file is not None, "the reserve is used only while owned"
        return self._file.fileno()


def _pwrite_all(fd: int, data: bytes, offset: int) -> None:
    view = memoryview(data)
    while view:
        written = os.pwrite(fd, view, offset)
        if written <= 0:
            raise OSError(errno.ENOSPC, "no progress writing the reference log reserve")
        view, offset = view[written:], offset + written


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
