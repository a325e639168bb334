"""Context from other files and imports on accept, end to end: the real server over stdio, the
real model, a client that answers workspace/applyEdit the way an editor does (and records it).
The prompt itself (snippets first, model state reused across keystrokes) is checked at the service
level in tests/unit/completion/test_context_model.py."""

from __future__ import annotations

import re
import textwrap

import pytest
import pytest_asyncio
from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.e2e.conftest import complete, cursor_of, open_doc
from tests.e2e.interaction_helpers import command, plain, running_server

OPTIONS = {"codewhisperer": {"numSuggestions": 1, "maxNewTokens": 48}}
ACCEPT = "codewhisperer.acceptSuggestion"

INVOICES = textwrap.dedent('''\
    """Invoice helpers."""


    def invoice_total(lines, tax_rate, discount=0.0):
        """Sum of the lines, taxed, less the discount."""
        subtotal = sum(line.price * line.quantity for line in lines)
        return subtotal * (1 + tax_rate) - discount
''')


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def editor(tmp_path_factory):
    async with running_server(str(tmp_path_factory.mktemp("context-state")), OPTIONS) as client:
        client.edits = []

        @client.feature(types.WORKSPACE_APPLY_EDIT)
        def apply_edit(params: types.ApplyWorkspaceEditParams):
            client.edits.append(params)
            return types.ApplyWorkspaceEditResult(applied=True)

        yield client


_uris = iter(range(10_000))


async def suggest(client: LanguageClient, source: str, language: str = "python", extension: str = "py"
                  ) -> tuple[str, str, types.InlineCompletionItem]:
    """Open `source` (cursor marked <|>) as a new document; (uri, text, first item)."""
    text, line, character = cursor_of(source)
    uri = f"file:///project/case{next(_uris)}.{extension}"
    open_doc(client, uri, language, text)
    result = await complete(client, uri, line, character)
    assert result is not None and result.items, f"no suggestion for:\n{source}"
    return uri, text, result.items[0]


def insert(client: LanguageClient, uri: str, source: str, suggestion: str, version: int = 2) -> None:
    """What the editor does on accept: the item's text at the cursor."""
    _, line, character = cursor_of(source)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(types.Position(line, character), types.Position(line, character)), text=suggestion)]))


def arguments(item: types.InlineCompletionItem) -> dict:
    assert item.command is not None and item.command.command == ACCEPT
    return plain(item.command.arguments[0])


def configure(client: LanguageClient, **settings) -> None:
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"codewhisperer": {**OPTIONS["codewhisperer"], **settings}}))


async def test_a_helper_from_another_open_document_is_used(editor: LanguageClient):
    open_doc(editor, "file:///project/invoices.py", "python", INVOICES)
    _, _, item = await suggest(editor, "from invoices import invoice_total\n\n\n"
                                       "def checkout(cart, region):\n    tax_rate = TAXES[region]\n"
                                       "    total = invoice_total(<|>")
    # the helper's signature is only in the other document: its parameters name what to pass
    assert "tax_rate" in item.insert_text, item.insert_text
    module_use = "import invoices\n\n\ndef checkout(cart, tax_rate):\n    return invoices.<|>"
    _, _, item = await suggest(editor, module_use)
    assert item.insert_text.startswith("invoice_total("), item.insert_text  # a name only invoices.py has
    configure(editor, crossFileContext=False)
    try:
        _, _, item = await suggest(editor, module_use)
        assert "invoice_total" not in item.insert_text, item.insert_text  # the model could not know it
    finally:
        configure(editor)


async def test_accept_adds_the_missing_import_at_the_top_once(editor: LanguageClient):
    source = ('"""Paths of the configuration."""\n\nimport sys\n\nCONFIG_DIR = sys.argv[1]\n\n\n'
              'def config_file(name):\n    """The path of the file `name` in CONFIG_DIR: os.path.join."""\n'
              '    return <|>\n')
    uri, text, item = await suggest(editor, source)
    args = arguments(item)
    assert "os." in item.insert_text and "import" not in item.insert_text, item.insert_text
    assert args["imports"] == ["import os"], args
    insert(editor, uri, source, item.insert_text)
    before = len(editor.edits)
    result = plain(await command(editor, ACCEPT, args))
    assert result["importsAdded"] == ["import os"], result
    assert len(editor.edits) == before + 1
    changes = editor.edits[-1].edit.changes
    assert list(changes) == [uri] and len(changes[uri]) == 1
    edit = changes[uri][0]
    assert edit.new_text == "import os\n"
    assert (edit.range.start.line, edit.range.start.character) == (3, 0)  # after `import sys`, not in the body
    assert edit.range.start == edit.range.end
    # the same item accepted again (a retried command): counted once, no second edit
    again = plain(await command(editor, ACCEPT, args))
    assert again["first"] is False and again["importsAdded"] == [] and len(editor.edits) == before + 1


async def test_accept_adds_the_missing_requires_to_a_commonjs_file(editor: LanguageClient):
    source = ("'use strict';\n\nconst os = require('os');\n\n"
              "// Reads the JSON settings file `name` from ~/.config with fs.readFileSync and path.join.\n"
              "function readSettings(name) {\n  <|>\n}\n")
    uri, text, item = await suggest(editor, source, "javascript", "js")
    args = arguments(item)
    # the built-in modules the model's text uses by name (not `os.path`), in the order it uses them
    used = list(dict.fromkeys(re.findall(r"(?<![\w.$])(fs|path)\.", item.insert_text)))
    assert used and "require" not in item.insert_text, item.insert_text
    # the file's own style: a require, single quotes, a semicolon
    requires = [f"const {module} = require('{module}');" for module in used]
    assert args["imports"] == requires, (item.insert_text, args["imports"])
    insert(editor, uri, source, item.insert_text)
    before = len(editor.edits)
    result = plain(await command(editor, ACCEPT, args))
    assert result["importsAdded"] == requires, result
    assert len(editor.edits) == before + 1
    changes = editor.edits[-1].edit.changes
    assert list(changes) == [uri] and len(changes[uri]) == 1
    edit = changes[uri][0]
    assert edit.new_text == "".join(f"{line}\n" for line in requires)
    assert (edit.range.start.line, edit.range.start.character) == (3, 0)  # after the require, not in the body
    assert edit.range.start == edit.range.end


async def test_accept_of_an_item_that_needs_nothing_sends_no_edit(editor: LanguageClient):
    source = "def add(a, b):\n    return <|>\n"
    uri, _, item = await suggest(editor, source)
    args = arguments(item)
    assert args["imports"] == [], args
    insert(editor, uri, source, item.insert_text)
    before = len(editor.edits)
    result = plain(await command(editor, ACCEPT, args))
    assert result["accepted"] is True and result["importsAdded"] == []
    assert len(editor.edits) == before


async def test_an_import_the_file_gained_meanwhile_is_not_added_twice(editor: LanguageClient):
    text = "import os\n\nx = 1\n"
    uri = f"file:///project/case{next(_uris)}.py"
    open_doc(editor, uri, "python", text)
    before = len(editor.edits)
    result = plain(await command(editor, ACCEPT, {"sessionId": "s-meanwhile", "itemId": "s-meanwhile-0", "uri": uri,
                                                  "languageId": "python", "text": "os.sep", "imports": ["import os"]}))
    assert result["importsAdded"] == [] and len(editor.edits) == before


@pytest.mark.parametrize("imports, refused", [("import os", True), ([1], True), (["os.system('x')"], False),
                                               (["import os; os.system('x')"], False)])
async def test_bad_imports_are_refused_or_ignored_and_the_server_stays_up(editor: LanguageClient, imports, refused):
    uri = f"file:///project/case{next(_uris)}.py"
    open_doc(editor, uri, "python", "x = 1\n")
    before = len(editor.edits)
    args = {"sessionId": "s-bad", "itemId": f"s-bad-{next(_uris)}", "uri": uri, "languageId": "python",
            "text": "x", "imports": imports}
    if refused:
        with pytest.raises(Exception, match="imports must be a list of import statements"):
            await command(editor, ACCEPT, args)
    else:  # not an import statement: nothing inserted
        assert plain(await command(editor, ACCEPT, args))["importsAdded"] == []
    assert len(editor.edits) == before
    assert plain(await command(editor, "codewhisperer.pauseAutoSuggestions"))["paused"] is True
    await command(editor, "codewhisperer.resumeAutoSuggestions")
