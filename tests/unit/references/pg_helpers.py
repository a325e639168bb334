"""A real PostgreSQL for the reference tests: one throwaway cluster per session, a fresh
database per test, a builder role that writes it and a reader role that may only read it.

Passwords reach libpq through a pgpass file, as in a real deployment; none is in a URL.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.e2e.pg_cluster import Cluster, PostgresMissing

BUILDER, READER = "cw_builder", "cw_reader"
PASSWORDS = {BUILDER: "builder-secret-7Qx", READER: "reader-secret-9Zw"}
_numbers = itertools.count()


@dataclass
class Database:
    cluster: Cluster
    name: str

    @property
    def builder_url(self) -> str:
        return self.cluster.url(BUILDER, self.name)

    @property
    def reader_url(self) -> str:
        return self.cluster.url(READER, self.name)


def start_cluster(tmp: Path) -> Cluster:
    """A started cluster with both roles and a pgpass file; a clear failure when PostgreSQL is missing."""
    try:
        cluster = Cluster().start()
    except PostgresMissing as exc:
        pytest.fail(str(exc))
    for user, password in PASSWORDS.items():
        cluster.create_role(user, password)
    os.environ["PGPASSFILE"] = str(cluster.write_pgpass(tmp / "pgpass", PASSWORDS))
    return cluster


def new_database(cluster: Cluster) -> Database:
    name = f"refs_{next(_numbers)}"
    cluster.create_database(name, BUILDER, READER)
    return Database(cluster, name)
