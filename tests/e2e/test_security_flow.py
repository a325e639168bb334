"""A security scan as a user lives it: progress, stop, clean files cleared, ranges that follow edits,
a fix that clears the finding on the next scan, and scan on save."""

from __future__ import annotations

import asyncio
import textwrap
import time
from pathlib import Path

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from tests.e2e.conftest import SERVER, open_doc, start_session
from tests.e2e.test_security_confinement import add_workspace_folder


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER), scope="module")
async def client(lsp_client: LanguageClient):
    await start_session(lsp_client, {"codewhisperer": {"security": {"autoScanOnSave": True}}})
    yield
    await lsp_client.shutdown_session()


async def command(client: LanguageClient, name: str, *arguments):
    return await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command=name, arguments=list(arguments)))


async def diagnostics_for(client: LanguageClient, uri: str, predicate=lambda d: True, timeout: float = 10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = client.diagnostics.get(uri)
        if found is not None and predicate(found):
            return found
        await asyncio.sleep(0.05)
    raise AssertionError(f"diagnostics for {uri} never matched: {client.diagnostics.get(uri)}")


VULNERABLE = "import subprocess\nimport util\n\n\ndef run(cmd):\n    return subprocess.call(cmd, shell=True)\n"


async def test_progress_clean_files_edits_and_fixes(client: LanguageClient, tmp_path: Path):
    (tmp_path / "util.py").write_text("def double(x):\n    return 2 * x\n")
    add_workspace_folder(client, tmp_path)  # imports are followed inside the workspace only
    main = tmp_path / "main.py"
    main.write_text(VULNERABLE)
    open_doc(client, main.as_uri(), "python", VULNERABLE)
    before = set(client.progress_reports)
    result = await command(client, "codewhisperer.startSecurityScan", {"uri": main.as_uri()})
    assert result["status"] == "Succeeded" and result["findings"] >= 1

    # work-done progress: begin, files done/total, end
    tokens = set(client.progress_reports) - before
    assert len(tokens) == 1
    kinds = [type(value).__name__ for value in client.progress_reports[tokens.pop()]]
    assert kinds[0] == "WorkDoneProgressBegin" and kinds[-1] == "WorkDoneProgressEnd"
    assert "WorkDoneProgressReport" in kinds

    # the clean module that was scanned gets an empty list (clears stale markers in the editor)
    assert list(await diagnostics_for(client, (tmp_path / "util.py").as_uri())) == []
    found = await diagnostics_for(client, main.as_uri(), lambda ds: any(d.code == "B602" for d in ds))
    assert [d.range.start.line for d in found if d.code == "B602"] == [5]

    # two lines inserted above: the finding moves with its code, before any new scan
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=main.as_uri(), version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(types.Position(0, 0), types.Position(0, 0)), text="# a\n# b\n")]))
    moved = await diagnostics_for(client, main.as_uri(),
                                  lambda ds: any(d.code == "B602" and d.range.start.line == 7 for d in ds))
    assert moved

    # fix the code in the buffer (unsaved) and scan again: the finding is gone
    fixed = "# a\n# b\n" + VULNERABLE.replace("cmd, shell=True", "cmd.split()")
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=main.as_uri(), version=3),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)]))
    again = await command(client, "codewhisperer.startSecurityScan", {"uri": main.as_uri()})
    assert again["status"] == "Succeeded"
    assert not [d for d in await diagnostics_for(client, main.as_uri(),
                                                 lambda ds: not any(d.code == "B602" for d in ds)) if d.code == "B602"]


async def test_scan_on_save(client: LanguageClient, tmp_path: Path):
    path = tmp_path / "saved.py"
    text = "import hashlib\n\ndigest = hashlib.md5(b'data').hexdigest()\n"
    path.write_text(text)
    open_doc(client, path.as_uri(), "python", text)
    client.text_document_did_save(types.DidSaveTextDocumentParams(
        text_document=types.TextDocumentIdentifier(path.as_uri())))
    found = await diagnostics_for(client, path.as_uri(), lambda ds: any(d.code == "B324" for d in ds), timeout=20)
    assert [d.range.start.line for d in found if d.code == "B324"] == [2]


async def test_stop_cancels_a_long_scan_and_lists_what_was_scanned(client: LanguageClient, tmp_path: Path):
    # a project of many files: semgrep's one run over all of them outlasts the stop below
    imports = "".join(f"const p{index} = require('./part{index}');\n" for index in range(1, 60))
    body = "module.exports = () => eval(process.argv[2]);\n" + "function f(a) { return a + 1; }\n" * 200
    (tmp_path / "part0.js").write_text(imports + body)
    for index in range(1, 60):
        (tmp_path / f"part{index}.js").write_text(body)
    add_workspace_folder(client, tmp_path)
    entry = (tmp_path / "part0.js").as_uri()
    open_doc(client, entry, "javascript", (tmp_path / "part0.js").read_text())
    scan = asyncio.ensure_future(command(client, "codewhisperer.startSecurityScan", {"uri": entry}))
    await asyncio.sleep(0.5)
    stopped = await command(client, "codewhisperer.stopSecurityScan")
    assert stopped == {"stopped": True}
    result = await asyncio.wait_for(scan, 60)
    assert result["status"] == "Cancelled"
    shown = await command(client, "codewhisperer.showScannedFiles")
    assert shown["scannedFiles"] == result["scannedFiles"]
    assert len(result["scannedFiles"]) < 60
    listed = set(result["scannedFiles"]) | {item["uri"] for item in result["skippedFiles"]}
    assert entry in listed
