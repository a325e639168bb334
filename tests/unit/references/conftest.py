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


@pytest.fixture(scope="session")
def pg_cluster(tmp_path_factory):
    """A throwaway PostgreSQL cluster for the whole run (fails, never skips, when PostgreSQL is missing)."""
    from pg_helpers import start_cluster

    cluster = start_cluster(tmp_path_factory.mktemp("pg"))
    yield cluster
    cluster.remove()


@pytest.fixture
def pg_db(pg_cluster):
    """A fresh database on the session cluster."""
    from pg_helpers import new_database

    return new_database(pg_cluster)
