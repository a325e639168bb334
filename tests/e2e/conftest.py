"""End-to-end fixtures: the real server over stdio, the real model, a pytest-lsp client."""

from __future__ import annotations

import asyncio
import os
import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

SERVER = [sys.executable, "-m", "codewhisperer_lsp"]
READY_TIMEOUT = 120


def server_env(tmp_state: str) -> dict[str, str]:
    env = dict(os.environ)
    env["CODEWHISPERER_STATE_DIR"] = tmp_state
    env.setdefault("CODEWHISPERER_LOG_LEVEL", "INFO")
    return env


async def start_session(client: LanguageClient, options: dict | None = None, profile: str = "visual-studio-code"):
    statuses: list[dict] = []
    ready = asyncio.Event()

    @client.feature("codewhisperer/status")
    def on_status(params):
        state = params.state if hasattr(params, "state") else params["state"]
        statuses.append(params)
        if state in ("ready", "failing"):
            ready.set()

    result = await client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities(profile),
        initialization_options=options,
        root_uri=None,
    ))
    await asyncio.wait_for(ready.wait(), READY_TIMEOUT)
    client.statuses = statuses
    client.init_result = result
    return result


def open_doc(client: LanguageClient, uri: str, language: str, text: str, version: int = 1) -> None:
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id=language, version=version, text=text)))


async def complete(client: LanguageClient, uri: str, line: int, character: int, invoked: bool = True):
    kind = types.InlineCompletionTriggerKind.Invoked if invoked else types.InlineCompletionTriggerKind.Automatic
    return await client.text_document_inline_completion_async(types.InlineCompletionParams(
        text_document=types.TextDocumentIdentifier(uri),
        position=types.Position(line, character),
        context=types.InlineCompletionContext(trigger_kind=kind),
    ))


def cursor_of(source: str) -> tuple[str, int, int]:
    """Source text with `<|>` marking the cursor -> (text, line, character)."""
    before, after = source.split("<|>")
    line = before.count("\n")
    character = len(before.rsplit("\n", 1)[-1].encode("utf-16-le")) // 2
    return before + after, line, character


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER), scope="module")
async def client(lsp_client: LanguageClient, tmp_path_factory):
    await start_session(lsp_client, {"codewhisperer": {"numSuggestions": 2}})
    yield
    await lsp_client.shutdown_session()
