"""Context from other files: which definitions, in what layout, within what bounds (tokens,
time), and stable while the user types in the current file. The real tokenizer counts tokens."""

from __future__ import annotations

import statistics
import textwrap
import time

import pytest

from codewhisperer_lsp.completion.crossfile import (
    REFRESH_S, CrossFileContext, OpenDocument, definitions)
from codewhisperer_lsp.model import artifacts
from codewhisperer_lsp.model.registry import default_model, get_model

HEADER = get_model(default_model()).file_header

HELPERS = textwrap.dedent('''\
    """Helpers for records."""
    import datetime


    def make_record(name, *, created_at, tags=()):
        """A record as the store keeps it."""
        return {"name": name, "created_at": created_at, "tags": list(tags)}


    def unrelated_helper(value):
        return value * 2


    class RecordStore:
        def __init__(self):
            self.items = []

        def add(self, record):
            self.items.append(record)

        def find(self, name):
            return [r for r in self.items if r["name"] == name]

        def remove(self, name):
            self.items = [r for r in self.items if r["name"] != name]

        def count(self):
            return len(self.items)
''')

MAIN = textwrap.dedent('''\
    from helpers import make_record, RecordStore

    store = RecordStore()
    record = make_record(''')


@pytest.fixture(scope="module")
def count_tokens():
    from tokenizers import Tokenizer

    path = artifacts.build_dir(default_model(), "cpu") / "tokenizer.json"
    if not path.is_file():
        pytest.fail(f"{path} is missing: run the set-up script (./dev.sh setup)")
    tokenizer = Tokenizer.from_file(str(path))
    return lambda text: len(tokenizer.encode(text, add_special_tokens=False).ids)


def helpers_doc(version: int = 1, text: str = HELPERS) -> OpenDocument:
    return OpenDocument("file:///project/helpers.py", "python", version, text)


def ask(cross: CrossFileContext, text: str, documents, count_tokens, budget: int = 256, root: str = "",
        uri: str = "file:///project/main.py", time_budget_s: float = 1.0):
    return cross.context(uri, "python", text, len(text), tuple(documents), root, HEADER, count_tokens, budget,
                         time_budget_s)


def test_definitions_are_top_level_functions_and_classes_long_ones_elided():
    found = {d.name: d for d in definitions("python", HELPERS)}
    assert list(found) == ["make_record", "unrelated_helper", "RecordStore"]
    assert found["make_record"].text.startswith("def make_record(name, *, created_at, tags=()):")
    assert "return {" in found["make_record"].text  # short: whole
    store = found["RecordStore"].text  # 17 lines: the class line and its methods' signatures
    assert store.splitlines() == ["class RecordStore:", "    def __init__(self): ...", "    def add(self, record): ...",
                                  "    def find(self, name): ...", "    def remove(self, name): ...",
                                  "    def count(self): ..."]
    assert found["unrelated_helper"].signature == "def unrelated_helper(value): ..."
    script = definitions("typescript", "export function f(a: number): number {\n  return a;\n}\n"
                                       "export const double = (x: number) => {\n  return x * 2;\n};\nlet y = 1;\n")
    assert [d.name for d in script] == ["f", "double"]
    assert script[1].signature == "export const double = (x: number) => { ... }"


def test_named_definitions_come_first_in_the_repository_layout(count_tokens):
    context = ask(CrossFileContext(), MAIN, [helpers_doc()], count_tokens)
    assert context.text.startswith(HEADER.format(path="helpers.py") + "def make_record(name, *, created_at")
    assert context.names == ("make_record", "unrelated_helper", "RecordStore") and context.files == ("helpers.py",)
    # not named in main.py, but main.py imports helpers: after the named ones, whole if it fits...
    assert "\ndef unrelated_helper(value):\n    return value * 2\n" in context.text
    # ... else its signature
    found = {d.name: d for d in definitions("python", HELPERS)}
    named = count_tokens(HEADER.format(path="helpers.py")) + sum(
        count_tokens(found[name].text + "\n\n") for name in ("make_record", "RecordStore"))
    signature = count_tokens("def unrelated_helper(value): ...\n\n")
    tight = ask(CrossFileContext(), MAIN, [helpers_doc()], count_tokens, named + signature)
    assert "\ndef unrelated_helper(value): ...\n" in tight.text and "value * 2" not in tight.text
    assert tight.tokens <= named + signature
    elsewhere = OpenDocument("file:///project/other.py", "python", 1, HELPERS.replace("make_record", "build"))
    assert ask(CrossFileContext(), MAIN, [elsewhere], count_tokens).names == ("RecordStore",)  # not imported: named only
    assert context.tokens == count_tokens(context.text) and context.complete and not context.reused


def test_other_languages_and_the_file_itself_are_left_out(count_tokens):
    documents = [helpers_doc(), OpenDocument("file:///project/make.js", "javascript", 1,
                                             "function make_record(a) { return a }\n"),
                 OpenDocument("file:///project/main.py", "python", 1, "def make_record(): pass\n")]
    context = ask(CrossFileContext(), MAIN, documents, count_tokens)
    assert context.files == ("helpers.py",)
    local = MAIN.replace("from helpers import make_record, RecordStore",
                         "def make_record(name):\n    return name\n")
    assert ask(CrossFileContext(), local, [helpers_doc()], count_tokens).names == ("RecordStore",)  # its own wins


def test_stable_while_typing_refreshed_when_another_document_changes(count_tokens):
    cross = CrossFileContext()
    first = ask(cross, MAIN, [helpers_doc()], count_tokens)
    typed = MAIN
    for char in '"ada", created_at=now)\nunrelated_helper(':
        typed += char
        again = ask(cross, typed, [helpers_doc()], count_tokens)
        assert again.text == first.text and again.reused  # the same tokens at the start of every prompt
    # another document changed: gathered again; the new name typed meanwhile now counts
    changed = ask(cross, typed, [helpers_doc(2, HELPERS + "\n\ndef later():\n    pass\n")], count_tokens)
    assert not changed.reused and "unrelated_helper" in changed.names
    # an unchanged document after REFRESH_S: gathered again, and the same choice gives the same text
    clock = [0.0]
    timed = CrossFileContext(clock=lambda: clock[0])
    one = ask(timed, MAIN, [helpers_doc()], count_tokens)
    clock[0] += REFRESH_S / 2
    assert ask(timed, MAIN + "x", [helpers_doc()], count_tokens).reused
    clock[0] += REFRESH_S
    later = ask(timed, MAIN + "x", [helpers_doc()], count_tokens)
    assert not later.reused and later.text == one.text


def test_bounded_by_the_token_share(count_tokens):
    many = "\n\n".join(f"def helper_{i}(value, scale={i}):\n    \"\"\"Scale value by {i}.\"\"\"\n"
                       f"    return value * scale + {i}" for i in range(60))
    names = " ".join(f"helper_{i}(x)" for i in range(60))
    documents = [OpenDocument("file:///project/many.py", "python", 1, many), helpers_doc()]
    for budget in (40, 128, 256):
        context = ask(CrossFileContext(), f"{names}\nrecord = make_record(", documents, count_tokens, budget)
        assert 0 < count_tokens(context.text) <= budget, (budget, context.tokens)
    assert ask(CrossFileContext(), MAIN, [helpers_doc()], count_tokens, 4).text == ""  # nothing fits


def test_the_time_budget_cuts_gathering_short_and_the_next_request_completes(count_tokens):
    clock = [0.0]

    def tick():
        clock[0] += 0.004  # every look at the clock costs 4 ms
        return clock[0]

    documents = [OpenDocument(f"file:///project/mod{i}.py", "python", 1, f"def make_record_{i}(a):\n    return a\n")
                 for i in range(10)]
    text = " ".join(f"make_record_{i}()" for i in range(10)) + "\n"
    cross = CrossFileContext(clock=tick)
    cut = ask(cross, text, documents, count_tokens, time_budget_s=0.020)
    assert not cut.complete and 0 < len(cut.files) < 10  # what was ready is used
    assert cut.gather_ms <= 40
    done = ask(cross, text, documents, count_tokens, time_budget_s=0.5)  # the parses were remembered
    assert done.complete and len(done.files) == 10 and not done.reused
    assert ask(cross, text + "x", documents, count_tokens, time_budget_s=0.5).reused


def test_imported_workspace_files_are_read_within_the_root(tmp_path, count_tokens):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "util.py").write_text("def slug(text, sep='-'):\n    return sep.join(text.split())\n\n"
                                               "def other(a, b):\n    return a + b\n")
    (tmp_path / "outside.py").write_text("def outside():\n    pass\n")
    main = tmp_path / "main.py"
    text = "from pkg.util import slug\n\nprint(slug("
    main.write_text(text)
    context = ask(CrossFileContext(), text, [], count_tokens, root=str(tmp_path), uri=main.as_uri())
    assert context.files == ("pkg/util.py",)
    assert "def slug(text, sep='-'):\n    return sep.join" in context.text  # named: whole
    assert "def other(a, b):\n    return a + b" in context.text  # imported file, not named: it fits whole
    assert "outside" not in context.text


def test_gathering_time_figures(count_tokens):
    """Time to gather per request, cold (every document new) and warm (one document changed)."""
    documents = [OpenDocument(f"file:///project/mod{i}.py", "python", 1, HELPERS.replace("make_record", f"make_{i}"))
                 for i in range(12)]
    text = MAIN + " ".join(f"make_{i}()" for i in range(12))
    cold, warm, typing = [], [], []
    cross = CrossFileContext()
    for round_ in range(15):
        fresh = CrossFileContext()
        started = time.perf_counter()
        ask(fresh, text, documents, count_tokens, time_budget_s=1.0)
        cold.append((time.perf_counter() - started) * 1000)
        documents[0] = OpenDocument(documents[0].uri, "python", round_ + 2, documents[0].text)
        started = time.perf_counter()
        ask(cross, text, documents, count_tokens, time_budget_s=1.0)
        warm.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        assert ask(cross, text + "x", documents, count_tokens, time_budget_s=1.0).reused
        typing.append((time.perf_counter() - started) * 1000)

    def p(values, q):
        return statistics.quantiles(values, n=20)[q] if len(values) > 1 else values[0]

    print(f"\ngather ms, 12 open documents: cold p50 {p(cold, 9):.2f} p95 {p(cold, 18):.2f}; "
          f"one changed p50 {p(warm, 9):.2f} p95 {p(warm, 18):.2f}; typing p50 {p(typing, 9):.3f} "
          f"p95 {p(typing, 18):.3f}; typing/cold {p(typing, 9) / p(cold, 9):.3f}")
    assert p(typing, 9) < p(cold, 9)


def test_an_open_document_the_file_imports_counts_as_imported_without_a_root(count_tokens):
    text = "import helpers\n\n\ndef main():\n    return helpers."
    context = ask(CrossFileContext(), text, [helpers_doc()], count_tokens)
    assert context.files == ("helpers.py",) and context.names == ("make_record", "unrelated_helper", "RecordStore")
    assert "def make_record(name, *, created_at, tags=()):\n" in context.text
    script = "import { slug } from './lib/text';\nslug("
    documents = [OpenDocument("file:///p/src/lib/text.ts", "typescript", 1,
                              "export function slug(text: string, sep = '-'): string {\n  return text;\n}\n"
                              "export function other(a: number) {\n  return a;\n}\n"),
                 OpenDocument("file:///p/src/unrelated.ts", "typescript", 1, "export function other2() {}\n")]
    found = CrossFileContext().context("file:///p/src/main.ts", "typescript", script, len(script), tuple(documents),
                                       "", HEADER, count_tokens, 256, 1.0)
    assert found.files == ("text.ts",) and found.names == ("slug", "other")
    assert "export function slug(text: string, sep = '-'): string {\n  return text;\n}" in found.text
    assert "export function other(a: number) {\n  return a;\n}" in found.text
