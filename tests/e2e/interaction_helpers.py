"""Helpers for the interaction e2e tests: a server with its own state folder, metrics, edits."""

from __future__ import annotations

import asyncio
import time
import uuid
from contextlib import asynccontextmanager

from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from tests.e2e.conftest import SERVER, server_env, start_session


def plain(value):
    """A custom method's result (pygls gives objects with attributes) as dicts and lists."""
    if hasattr(value, "_asdict"):
        return {k: plain(v) for k, v in value._asdict().items()}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


@asynccontextmanager
async def running_server(state_dir: str, options: dict, notifications: dict[str, list] | None = None):
    """A real server over stdio whose state (pause, metrics, logs) lives in `state_dir`."""
    client: LanguageClient = await ClientServerConfig(SERVER, server_env=server_env(state_dir)).start()
    for method, sink in (notifications or {}).items():
        _collect(client, method, sink)
    await start_session(client, options)
    try:
        yield client
    finally:
        await client.shutdown_session()
        await client.stop()


def _collect(client: LanguageClient, method: str, sink: list) -> None:
    @client.feature(method)
    def collect(params):
        sink.append(params)


async def metrics(client: LanguageClient) -> dict:
    return plain(await client.protocol.send_request_async("codewhisperer/getMetrics", {}))


async def command(client: LanguageClient, name: str, *arguments):
    return plain(await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command=name, arguments=list(arguments))))


def params(uri: str, line: int, character: int, invoked: bool) -> types.InlineCompletionParams:
    kind = types.InlineCompletionTriggerKind.Invoked if invoked else types.InlineCompletionTriggerKind.Automatic
    return types.InlineCompletionParams(text_document=types.TextDocumentIdentifier(uri),
                                        position=types.Position(line, character),
                                        context=types.InlineCompletionContext(trigger_kind=kind))


async def timed_complete(client: LanguageClient, uri: str, line: int, character: int, invoked: bool):
    """(items, round-trip ms)."""
    started = time.perf_counter()
    result = await client.text_document_inline_completion_async(params(uri, line, character, invoked))
    return (list(result.items) if result else []), (time.perf_counter() - started) * 1000


def send_complete(client: LanguageClient, uri: str, line: int, character: int, invoked: bool = True):
    """Start a request without waiting: (its id, an awaitable of its answer)."""
    msg_id = uuid.uuid4().hex
    future = client.protocol.send_request("textDocument/inlineCompletion",
                                          params(uri, line, character, invoked), msg_id=msg_id)
    return msg_id, asyncio.wrap_future(future)


def insert(client: LanguageClient, uri: str, version: int, line: int, character: int, text: str) -> None:
    position = types.Position(line, character)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangePartial(range=types.Range(position, position), text=text)]))


def erase(client: LanguageClient, uri: str, version: int, line: int, start: int, end: int) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(types.Position(line, start), types.Position(line, end)), text="")]))
