"""Bad settings fall back to defaults with one message, and the server keeps working."""

from __future__ import annotations

import pytest_lsp
from pytest_lsp import ClientServerConfig, LanguageClient

from tests.e2e.conftest import SERVER, complete, cursor_of, open_doc, start_session


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def bad_client(lsp_client: LanguageClient):
    await start_session(lsp_client, {"codewhisperer": {"device": "quantum", "numSuggestions": "many",
                                                       "maxPromptTokens": -5, "noSuchSetting": True}})
    yield
    await lsp_client.shutdown_session()


async def test_bad_settings_do_not_stop_the_server(bad_client: LanguageClient):
    text, line, character = cursor_of("numbers = [3, 1, 2]\nlargest = <|>\n")
    open_doc(bad_client, "file:///work/bad.py", "python", text)
    result = await complete(bad_client, "file:///work/bad.py", line, character)
    assert result.items
    texts = [m.message for m in bad_client.messages]
    shown = " ".join(texts)
    for name in ("device", "numSuggestions", "maxPromptTokens", "noSuchSetting"):
        assert name in shown
    assert len(texts) == len(set(texts))
