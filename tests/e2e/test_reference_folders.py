"""Folders of licensed code that the user configures are indexed and named in references."""

from __future__ import annotations

import asyncio
import textwrap
import time
from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient
import pytest_lsp

from tests.e2e.conftest import SERVER, start_session

WIDGET = textwrap.dedent('''\
    def rebalance_widget_inventory(warehouses, threshold, minimum_stock):
        """Move surplus widgets from overfull warehouses to the ones below the minimum."""
        surplus = []
        for warehouse in warehouses:
            extra = warehouse.stock - threshold
            if extra > 0:
                surplus.append((warehouse, extra))
        surplus.sort(key=lambda pair: pair[1], reverse=True)
        moves = []
        for needy in sorted(warehouses, key=lambda w: w.stock):
            missing = minimum_stock - needy.stock
            while missing > 0 and surplus:
                donor, extra = surplus.pop(0)
                amount = min(extra, missing)
                moves.append((donor.name, needy.name, amount))
                missing -= amount
                if extra > amount:
                    surplus.insert(0, (donor, extra - amount))
        return moves
    ''')


@pytest.fixture(scope="module")
def vendor(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("widgets-lib")
    (folder / "widgets").mkdir()
    (folder / "widgets" / "stock.py").write_text("import math\n\n\n" + WIDGET)
    return folder


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER), scope="module")
async def client(lsp_client: LanguageClient, vendor: Path):
    await start_session(lsp_client, {"codewhisperer": {"referenceFolders": [
        {"path": str(vendor), "license": "MIT", "url": "https://example.com/widgets/blob/main/{path}"}]}})
    yield
    await lsp_client.shutdown_session()


async def test_a_configured_folder_is_indexed_with_its_license(client: LanguageClient):
    deadline = time.monotonic() + 600  # a fresh machine indexes the standard library first
    while True:
        answer = await client.protocol.send_request_async("codewhisperer/findReferences", {"text": WIDGET})
        references = list(answer.references)
        if references or time.monotonic() > deadline:
            break
        await asyncio.sleep(3)
    assert references, "the configured folder was not indexed"
    first = references[0]
    assert first.licenseName == "MIT"
    assert first.url.startswith("https://example.com/widgets/blob/main/widgets/stock.py#L4")
    assert 0 <= first.recommendationContentSpan.start < first.recommendationContentSpan.end <= len(WIDGET)


async def test_a_malformed_folder_setting_is_reported_and_ignored(client: LanguageClient):
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"codewhisperer": {"referenceFolders": [{"license": "MIT"}]}}))
    for _ in range(50):
        messages = [m.message for m in client.messages]
        if any("referenceFolders" in message for message in messages):
            break
        await asyncio.sleep(0.1)
    assert any("referenceFolders" in message for message in messages), messages
