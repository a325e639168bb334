"""Shared fixtures: a small reference index over real stdlib files copied to a temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from references_helpers import copy_corpus, folder_index


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
