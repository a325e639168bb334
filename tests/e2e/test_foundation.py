"""The foundation end to end: real server over stdio, real model, real answers."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from codewhisperer_lsp.context.languages import new_parser
from tests.e2e.conftest import complete, cursor_of, open_doc


def _errors(language: str, code: str) -> int:
    tree = new_parser(language).parse(code.encode())
    count = 0
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        count += node.is_error or node.is_missing
        stack.extend(node.children)
    return count


async def test_capabilities_are_advertised(client: LanguageClient):
    caps = client.init_result.capabilities
    assert caps.inline_completion_provider is not None
    assert caps.text_document_sync.change == types.TextDocumentSyncKind.Incremental
    assert "codewhisperer.acceptSuggestion" in caps.execute_command_provider.commands


async def test_python_docstring_completion_passes_a_test(client: LanguageClient, tmp_path):
    source = textwrap.dedent('''\
        def count_vowels(text: str) -> int:
            """Return how many vowels (a, e, i, o, u, either case) the text contains."""
            <|>
        ''')
    text, line, character = cursor_of(source)
    uri = "file:///work/vowels.py"
    open_doc(client, uri, "python", text)
    result = await complete(client, uri, line, character)
    assert result.items, "no suggestion"
    before, after = source.split("<|>")
    program = before + result.items[0].insert_text + after + textwrap.dedent('''
        assert count_vowels("Hello World") == 3
        assert count_vowels("AEIOU xyz") == 5
        assert count_vowels("") == 0
        ''')
    (tmp_path / "check.py").write_text(program)
    run = subprocess.run([sys.executable, str(tmp_path / "check.py")], capture_output=True, text=True, timeout=30)
    assert run.returncode == 0, program + run.stderr


@pytest.mark.parametrize("language,uri,source", [
    ("javascript", "file:///work/util.js",
     "function maxOf(numbers) {\n  <|>\n}\n\nmodule.exports = { maxOf };\n"),
    ("java", "file:///work/Util.java",
     "public class Util {\n    public static int sum(int[] values) {\n        <|>\n    }\n}\n"),
])
async def test_completions_parse(client: LanguageClient, language, uri, source):
    text, line, character = cursor_of(source)
    open_doc(client, uri, language, text)
    result = await complete(client, uri, line, character)
    assert result.items
    for item in result.items:
        before, after = source.split("<|>")
        assert item.insert_text.strip()
        assert _errors(language, before + item.insert_text + after) == 0, item.insert_text


async def test_superseded_request_is_cancelled(client: LanguageClient):
    source = "def merge_sorted(a, b):\n    \"\"\"Merge two sorted lists into one sorted list.\"\"\"\n    <|>\n"
    text, line, character = cursor_of(source)
    uri = "file:///work/merge.py"
    open_doc(client, uri, "python", text)
    first = asyncio.ensure_future(complete(client, uri, line, character))
    await asyncio.sleep(0.05)
    second = await complete(client, uri, line, character)
    assert second.items
    with pytest.raises(Exception) as caught:
        result = await first
        assert not result.items  # an empty answer is also acceptable, a stale one is not
        raise RuntimeError("cancelled with an empty result")
    assert "cancel" in str(caught.value).lower() or "superseded" in str(caught.value).lower() \
        or "empty result" in str(caught.value)


async def test_untitled_document(client: LanguageClient):
    source = "# print the numbers from 1 to 10\nfor i in range(1, 11):\n    <|>"
    text, line, character = cursor_of(source)
    open_doc(client, "untitled:Untitled-1", "python", text)
    result = await complete(client, "untitled:Untitled-1", line, character)
    assert result.items and "print" in result.items[0].insert_text


async def test_unknown_document_gets_empty_answer(client: LanguageClient):
    result = await complete(client, "file:///never/opened.py", 0, 0)
    assert result is None or list(result.items) == []
