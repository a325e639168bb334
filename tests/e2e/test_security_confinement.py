"""Scans over LSP stay inside the workspace folders: real files and symlinks in tmp dirs, the real
server and scanners. Nothing outside is read, and what is not followed is listed with a reason."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from tests.e2e.conftest import SERVER, open_doc, start_session

SECRET = 'aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"\n'


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER), scope="module")
async def client(lsp_client: LanguageClient):
    await start_session(lsp_client)
    yield
    await lsp_client.shutdown_session()


def add_workspace_folder(client: LanguageClient, folder: Path) -> None:
    client.workspace_did_change_workspace_folders(types.DidChangeWorkspaceFoldersParams(
        event=types.WorkspaceFoldersChangeEvent(
            added=[types.WorkspaceFolder(uri=folder.as_uri(), name=folder.name)], removed=[])))


async def scan(client: LanguageClient, uri: str) -> dict:
    return await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command="codewhisperer.startSecurityScan", arguments=[{"uri": uri}]))


@pytest.fixture
def layout(tmp_path, client: LanguageClient):
    ws, outside = tmp_path / "ws", tmp_path / "outside"
    ws.mkdir(), outside.mkdir()
    (outside / "shadow").write_text(SECRET)
    (outside / "leak.py").write_text("import os\nos.system('rm ' + x)\n" + SECRET)
    (outside / "other.py").write_text(SECRET)
    os.symlink(outside / "leak.py", ws / "linked.py")
    (ws / "helper.py").write_text("import pickle\n\n\ndef load(data):\n    return pickle.loads(data)\n")
    (ws / "main.py").write_text("import helper\nimport linked\nfrom ..outside import other\n")
    add_workspace_folder(client, ws)
    return ws, outside


def _names(items) -> dict[str, str]:
    return {item["uri"].rsplit("/", 1)[-1]: item["reason"] for item in items}


async def test_imports_out_of_the_workspace_are_listed_and_not_scanned(client: LanguageClient, layout):
    ws, outside = layout
    result = await scan(client, (ws / "main.py").as_uri())
    assert result["status"] == "Succeeded", result
    assert {u.rsplit("/", 1)[-1] for u in result["scannedFiles"]} == {"main.py", "helper.py"}
    assert _names(result["skippedFiles"]) == {"linked.py": "a symlink to a file outside the workspace",
                                              "other.py": "outside the workspace"}
    assert not any(str(outside) in uri for uri in client.diagnostics)


async def test_a_fragment_in_the_uri_neither_reads_nor_picks_the_language(client: LanguageClient, layout):
    ws, outside = layout
    uri = (outside / "shadow").as_uri() + "#.py"
    result = await scan(client, uri)
    assert result["scannedFiles"] == [] and result["findings"] == 0
    assert result["skippedFiles"] == [{"uri": uri, "reason": "outside the workspace"}]
    assert uri not in client.diagnostics


async def test_a_symlinked_file_out_is_not_read(client: LanguageClient, layout):
    ws, _ = layout
    result = await scan(client, (ws / "linked.py").as_uri())
    assert result["scannedFiles"] == []
    assert _names(result["skippedFiles"]) == {"linked.py": "a symlink to a file outside the workspace"}


async def test_an_open_buffer_outside_is_scanned_from_its_own_text_only(client: LanguageClient, layout):
    _, outside = layout
    uri = (outside / "leak.py").as_uri()
    text = "import other\nimport subprocess\nsubprocess.call(cmd, shell=True)\n"
    open_doc(client, uri, "python", text)
    result = await scan(client, uri)
    assert result["scannedFiles"] == [uri]  # other.py sits next to it, outside: not followed
    assert result["findings"] >= 1
