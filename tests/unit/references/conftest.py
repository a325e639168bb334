"""Shared fixtures: a small reference index over real stdlib files copied to a temp folder."""

from __future__ import annotations

import shutil
import sysconfig
from pathlib import Path

import pytest

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


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return copy_corpus(tmp_path_factory.mktemp("psf"))


@pytest.fixture(scope="module")
def built_index(tmp_path_factory, corpus):
    """PSF folder of stdlib files plus one of them again under MIT (same code, two licenses)."""
    mit = copy_corpus(tmp_path_factory.mktemp("mit"), ["heapq.py"])
    index = folder_index(tmp_path_factory.mktemp("cache"), [
        {"path": str(corpus), "license": "PSF-2.0", "url": "https://example.org/psf/{path}"},
        {"path": str(mit), "license": "MIT", "url": "https://example.org/mit"},
    ])
    index.build().join()
    yield index
    index.close()
