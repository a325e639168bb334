"""Helpers shared by the reference tests: copy real stdlib files, build folder-only indexes."""

from __future__ import annotations

import shutil
import sysconfig
from pathlib import Path

from codewhisperer_lsp.references.index import ReferenceIndex

STDLIB = Path(sysconfig.get_paths()["stdlib"])
CORPUS_FILES = ["heapq.py", "textwrap.py", "bisect.py", "fnmatch.py", "shlex.py", "colorsys.py"]


def copy_corpus(folder: Path, names=CORPUS_FILES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(STDLIB / name, folder / name)
    return folder


def folder_index(cache: Path, folders: list[dict]) -> ReferenceIndex:
    return ReferenceIndex(cache, extra_folders=folders, workers=0, include_stdlib=False, include_installed=False)
