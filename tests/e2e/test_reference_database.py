"""A team's reference index on PostgreSQL, through the real server: the admin job builds it
with the command line, the server reads it (references.database), and a database that is
down at start or midway never stops suggestions; the user is told once and the server
reconnects by itself."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import pytest_lsp
from pytest_lsp import ClientServerConfig, LanguageClient

from tests.e2e.conftest import SERVER, complete, cursor_of, open_doc, start_session
from tests.e2e.test_reference_folders import WIDGET

UNAVAILABLE = "reference index is unavailable"
# the server's password file: its path is fixed before the server starts, its lines written by the fixture
PGPASS = Path(tempfile.mkdtemp(prefix="cw-pgpass-")) / "pgpass"


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    """A cluster whose index the admin job built from a folder of MIT code; left stopped."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "references"))
    from pg_helpers import BUILDER, PASSWORDS, READER, new_database, start_cluster

    cluster = start_cluster(tmp_path_factory.mktemp("pg"))
    db = new_database(cluster)
    cluster.write_pgpass(PGPASS, PASSWORDS)
    vendor = tmp_path_factory.mktemp("widgets-lib")
    (vendor / "stock.py").write_text("import math\n\n\n" + WIDGET)
    built = subprocess.run([sys.executable, "-m", "codewhisperer_lsp", "references", "build", "--database",
                            cluster.url(BUILDER, db.name), "--folders-only", "--folder",
                            f"{vendor}:MIT:https://example.com/widgets/blob/main/{{path}}"],
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0 and "state: ready" in built.stdout, built.stdout + built.stderr
    cluster.stop()
    yield cluster, cluster.url(READER, db.name)
    cluster.remove()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, server_env={**os.environ, "PGPASSFILE": str(PGPASS)}),
                    scope="module")
async def client(lsp_client: LanguageClient, database):
    _, url = database
    await start_session(lsp_client, {"codewhisperer": {"numSuggestions": 1, "references": {"database": url}}})
    yield
    await lsp_client.shutdown_session()


_last_error = []


async def find(client: LanguageClient):
    answer = await client.protocol.send_request_async("codewhisperer/findReferences", {"text": WIDGET})
    _last_error[:] = [answer.index.error]
    return list(answer.references), answer.index.state


async def eventually(client: LanguageClient, want_references: bool, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while True:
        references, state = await find(client)
        if bool(references) == want_references or time.monotonic() > deadline:
            return references, state
        await asyncio.sleep(0.5)


def told(client: LanguageClient) -> int:
    return sum(UNAVAILABLE in m.message for m in client.messages)


async def test_down_at_start_suggestions_go_on_and_the_user_is_told_once(client: LanguageClient):
    for _ in range(5):
        started = time.monotonic()
        references, state = await find(client)
        assert references == [] and state == "unavailable"
        assert time.monotonic() - started < 1.0
    text, line, character = cursor_of("def add(a, b):\n    <|>\n")
    open_doc(client, "file:///tmp/db_down.py", "python", text)
    result = await complete(client, "file:///tmp/db_down.py", line, character)
    assert result is not None and len(result.items) >= 1  # the model still answers
    assert told(client) == 1


async def test_it_reconnects_by_itself_when_the_database_comes_up(client: LanguageClient, database):
    cluster, _ = database
    cluster.restart()
    references, state = await eventually(client, True)
    assert references and references[0].licenseName == "MIT" and state == "ready", (state, _last_error)
    assert references[0].url.startswith("https://example.com/widgets/blob/main/stock.py#L4")


async def test_down_midway_then_back_without_telling_twice(client: LanguageClient, database):
    cluster, _ = database
    cluster.stop()
    references, state = await eventually(client, False)
    assert references == [] and state == "unavailable"
    cluster.restart()
    references, _ = await eventually(client, True)
    assert references and told(client) == 1
