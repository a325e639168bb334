"""A headless demonstration: start the server over stdio exactly as an editor does, open sample
files in several languages, ask for inline completions where a user would, and print what the
user would see as ghost text.
"""

from __future__ import annotations

import asyncio
import inspect
import shutil
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

from codewhisperer_lsp.lsp.params import field as _get

GHOST = "\033[2m" if sys.stdout.isatty() else ""
RESET = "\033[0m" if sys.stdout.isatty() else ""


@dataclass(frozen=True)
class Sample:
    title: str
    uri: str
    language: str
    source: str  # `<|>` marks the cursor


SAMPLES = (
    Sample("single line (Python)", "file:///demo/stats.py", "python",
           "import statistics\n\nscores = [88, 92, 79, 93, 85]\naverage = <|>\n"),
    Sample("block after an if (Python)", "file:///demo/files.py", "python",
           "import os\n\n\ndef list_python_files(folder):\n    found = []\n    for name in os.listdir(folder):\n"
           "        if name.endswith(\".py\"):\n            <|>\n    return found\n"),
    Sample("function body from a docstring (Python)", "file:///demo/text.py", "python",
           "def is_palindrome(text: str) -> bool:\n    \"\"\"Return True if text reads the same backwards, "
           "ignoring case and spaces.\"\"\"\n    <|>\n"),
    Sample("function body from a signature (JavaScript)", "file:///demo/util.js", "javascript",
           "function celsiusToFahrenheit(celsius) {\n  <|>\n}\n\nmodule.exports = { celsiusToFahrenheit };\n"),
    Sample("function body from Javadoc (Java)", "file:///demo/MathUtil.java", "java",
           "public class MathUtil {\n    /**\n     * Returns the largest value in the array.\n     */\n"
           "    public static int max(int[] values) {\n        <|>\n    }\n}\n"),
    Sample("block after a for (Go)", "file:///demo/sum.go", "go",
           "package main\n\nfunc sum(values []int) int {\n\ttotal := 0\n\tfor _, v := range values {\n\t\t<|>\n\t}\n"
           "\treturn total\n}\n"),
)


def split_cursor(source: str) -> tuple[str, int, int]:
    before, after = source.split("<|>")
    line = before.count("\n")
    character = len(before.rsplit("\n", 1)[-1].encode("utf-16-le")) // 2
    return before + after, line, character


def show(sample: Sample, items: list[str], seconds: float) -> None:
    before, after = sample.source.split("<|>")
    print(f"\n=== {sample.title}: {sample.uri.rsplit('/', 1)[-1]}  ({seconds * 1000:.0f} ms, "
          f"{len(items)} suggestion{'s' if len(items) != 1 else ''})")
    if not items:
        print("  (no suggestion)")
        return
    for index, item in enumerate(items, 1):
        print(f"--- suggestion {index}/{len(items)}")
        print(_context(before) + GHOST + item + RESET
              + _after(after))


def _context(before: str, lines: int = 4) -> str:
    parts = before.split("\n")
    return "\n".join(parts[-lines:])


def _after(after: str, lines: int = 2) -> str:
    return "\n".join(after.split("\n")[:lines])


async def _wait_ready(statuses: asyncio.Queue, timeout: float) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        status = await asyncio.wait_for(statuses.get(), max(0.1, deadline - time.monotonic()))
        if status["state"] in ("ready", "failing"):
            return status


async def run_demo() -> int:
    client = LanguageClient("codewhisperer-demo", "1")
    statuses: asyncio.Queue = asyncio.Queue()

    @client.feature("codewhisperer/status")
    def on_status(params):
        statuses.put_nowait({"state": params.state, "message": getattr(params, "message", "")})

    diagnostics: dict = {}

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams):
        diagnostics[params.uri] = params.diagnostics

    @client.feature(types.WINDOW_SHOW_MESSAGE)
    def on_message(params: types.ShowMessageParams):
        print(f"[server] {params.message}")

    started = time.monotonic()
    workspace = Path(tempfile.mkdtemp(prefix="codewhisperer-demo-"))  # scans read inside the workspace only
    await client.start_io(sys.executable, "-m", "codewhisperer_lsp")
    await client.initialize_async(types.InitializeParams(
        capabilities=types.ClientCapabilities(), root_uri=workspace.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="demo")],
        initialization_options={"codewhisperer": {"numSuggestions": 2}}))
    client.initialized(types.InitializedParams())
    status = await _wait_ready(statuses, 300)
    print(f"server ready in {time.monotonic() - started:.1f} s: {status['message']}")
    if status["state"] != "ready":
        return 1
    failures = 0
    for version, sample in enumerate(SAMPLES, 1):
        text, line, character = split_cursor(sample.source)
        client.text_document_did_open(types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=sample.uri, language_id=sample.language, version=1, text=text)))
        t0 = time.monotonic()
        result = await client.text_document_inline_completion_async(types.InlineCompletionParams(
            text_document=types.TextDocumentIdentifier(sample.uri), position=types.Position(line, character),
            context=types.InlineCompletionContext(trigger_kind=types.InlineCompletionTriggerKind.Invoked)))
        items = [item.insert_text for item in (result.items if result else [])]
        show(sample, items, time.monotonic() - t0)
        failures += not items
    print(f"\n{len(SAMPLES) - failures}/{len(SAMPLES)} samples got a suggestion")
    scan_ok = await demo_security_scan(client, diagnostics, workspace)
    references_ok = await demo_references(client)
    await client.shutdown_async(None)
    client.exit(None)
    await asyncio.sleep(0.2)
    shutil.rmtree(workspace, ignore_errors=True)
    return 0 if failures == 0 and scan_ok and references_ok else 1


SCAN_HELPER = '''import subprocess


def run(command):
    return subprocess.call(command, shell=True)
'''
SCAN_MAIN = '''import hashlib
import helpers

API_KEY = "AKIAIOSFODNN7EXAMPLE"


def fingerprint(data: bytes) -> str:
    return hashlib.md5(data).hexdigest()


helpers.run("ls " + input())
'''


async def demo_security_scan(client: LanguageClient, diagnostics: dict, root: Path) -> bool:
    """Scan a small project (a file and the module it imports) and print the Problems panel."""
    print("\n=== security scan: main.py and the files it imports")
    (root / "helpers.py").write_text(SCAN_HELPER)
    main = root / "main.py"
    main.write_text(SCAN_MAIN)
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=main.as_uri(), language_id="python", version=1, text=SCAN_MAIN)))
    result = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command="codewhisperer.startSecurityScan", arguments=[{"uri": main.as_uri()}]))
    await asyncio.sleep(0.3)  # diagnostics are notifications: let them arrive
    print(f"status {result['status']} in {result['durationMs']:.0f} ms, {result['findings']} findings, "
          f"scanned: {', '.join(uri.rsplit('/', 1)[-1] for uri in result['scannedFiles'])}")
    for uri in result["scannedFiles"]:
        for diagnostic in diagnostics.get(uri, []):
            severity = types.DiagnosticSeverity(diagnostic.severity).name if diagnostic.severity else "?"
            print(f"  {uri.rsplit('/', 1)[-1]}:{diagnostic.range.start.line + 1}:"
                  f"{diagnostic.range.start.character + 1} {severity:<11} [{diagnostic.source} "
                  f"{diagnostic.code}] {diagnostic.message.splitlines()[0]}")
    followed = any(uri.endswith("/helpers.py") for uri in result["scannedFiles"])
    return result["status"] == "Succeeded" and result["findings"] > 0 and followed


async def demo_references(client: LanguageClient, timeout: float = 300) -> bool:
    """Ask the reference tracker about code copied from the standard library, and about fresh code."""
    print("\n=== reference tracker: is this code from a licensed project?")
    copied = inspect.getsource(textwrap.TextWrapper._split)
    fresh = "def tally_purple_widgets(inventory):\n    return sum(w.count for w in inventory if w.hue == 'purple')\n"
    deadline = time.monotonic() + timeout
    while True:
        answer = await client.protocol.send_request_async("codewhisperer/findReferences", {"text": copied})
        index = _get(answer, "index")
        if _get(index, "state") not in ("building", "empty") or time.monotonic() > deadline:
            break
        await asyncio.sleep(2)  # the first start indexes the installed code in the background
    print(f"index: {_get(index, 'state')}, {_get(index, 'files')} files, {_get(index, 'fingerprints')} fingerprints")
    references = list(_get(answer, "references") or [])
    print(f"textwrap.TextWrapper._split (copied): {len(references)} reference(s)")
    for reference in references[:3]:
        span = _get(reference, "recommendationContentSpan")
        print(f"  {_get(reference, 'licenseName')}  {_get(reference, 'url')}  "
              f"characters {_get(span, 'start')}-{_get(span, 'end')}")
    fresh_answer = await client.protocol.send_request_async("codewhisperer/findReferences", {"text": fresh})
    fresh_refs = list(_get(fresh_answer, "references") or [])
    print(f"tally_purple_widgets (new code): {len(fresh_refs)} reference(s)")
    log = await client.protocol.send_request_async("codewhisperer/getReferenceLog", {"offset": 0, "limit": 3})
    print(f"code reference log: {_get(log, 'total')} accepted suggestion(s) with references so far")
    return bool(references) and not fresh_refs


def run() -> int:
    return asyncio.run(run_demo())
