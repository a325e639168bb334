"""Which files a scan may read: only files inside the workspace folders, decided on real paths
(symlinks resolved first), plus the text of open buffers that the client itself sent.

A URI is reduced to its path before anything else (`file:///etc/shadow#.py` is /etc/shadow, a
file with no scannable language), and the language of a file read from disk comes from its
resolved path, never from the URI's text. Every import a scan does not follow is reported with
its reason, so nothing is dropped silently.
"""

from __future__ import annotations

import logging
import os
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from codewhisperer_lsp.context import languages

log = logging.getLogger(__name__)

OUTSIDE = "outside the workspace"
SYMLINK_OUT = "a symlink to a file outside the workspace"
NOT_A_FILE = "not a file"
NOT_LOCAL = "not a local file URI"


def uri_path(uri: str) -> Path | None:
    """The absolute local path a URI names (query and fragment dropped), else None."""
    if "://" not in uri and not uri.startswith("file:"):
        path = Path(uri)
        return path.absolute()
    parsed = urllib.parse.urlparse(uri)
    if parsed.scheme != "file" or parsed.netloc not in ("", "localhost"):
        return None
    return Path(urllib.parse.unquote(parsed.path))


def real_path(path: Path) -> Path:
    """`path` with every symlink resolved (the file need not exist)."""
    return Path(os.path.realpath(path))


@dataclass(frozen=True)
class Workspace:
    """The folders a scan may read, as real paths."""

    roots: tuple[Path, ...]

    @classmethod
    def of(cls, folders: Path | str | Iterable[Path | str] | None) -> Workspace:
        if folders is None:
            return cls(())
        if isinstance(folders, (str, Path)):
            folders = [folders]
        return cls(tuple(dict.fromkeys(real_path(Path(f)) for f in folders)))

    def root_of(self, real: Path) -> Path | None:
        """The workspace folder holding the real path `real` (the deepest one), else None."""
        holders = [r for r in self.roots if real == r or real.is_relative_to(r)]
        return max(holders, key=lambda r: len(r.parts)) if holders else None

    def why_not(self, path: Path) -> str | None:
        """None when `path` may be read, else the reason it may not."""
        real = real_path(path)
        if self.root_of(real) is None:
            if self.root_of(Path(os.path.abspath(path))) is not None:
                return SYMLINK_OUT
            return OUTSIDE
        if not real.is_file():
            return NOT_A_FILE
        return None

    def read(self, path: Path) -> tuple[str | None, str | None]:
        """(text, None) for a readable file inside the workspace, else (None, reason)."""
        reason = self.why_not(path)
        if reason is not None:
            return None, reason
        try:
            return real_path(path).read_text(encoding="utf-8", errors="replace"), None
        except OSError as exc:
            return None, f"could not be read: {exc.strerror or exc}"


def language_of(path: Path | None, client_language: str | None = None) -> str | None:
    """The canonical language id: the client's id for its own buffer, else the resolved path's."""
    if client_language:
        lang = languages.resolve(client_language)
        if lang is not None:
            return lang.id
    if path is None:
        return None
    lang = languages.resolve(None, real_path(path).name)
    return lang.id if lang else None
