"""A headless demonstration: start the server over stdio exactly as an editor does, open sample
files in several languages, ask for inline completions where a user would, and print what the
user would see as ghost text.
"""

from __future__ import annotations

import asyncio
import sys
import time
from dataclasses import dataclass

from lsprotocol import types
from pygls.lsp.client import LanguageClient

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

    @client.feature(types.WINDOW_SHOW_MESSAGE)
    def on_message(params: types.ShowMessageParams):
        print(f"[server] {params.message}")

    started = time.monotonic()
    await client.start_io(sys.executable, "-m", "codewhisperer_lsp")
    await client.initialize_async(types.InitializeParams(
        capabilities=types.ClientCapabilities(), initialization_options={"codewhisperer": {"numSuggestions": 2}}))
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
    await client.shutdown_async(None)
    client.exit(None)
    await asyncio.sleep(0.2)
    print(f"\n{len(SAMPLES) - failures}/{len(SAMPLES)} samples got a suggestion")
    return 0 if failures == 0 else 1


def run() -> int:
    return asyncio.run(run_demo())
