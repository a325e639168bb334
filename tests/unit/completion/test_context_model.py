"""Context from other files with the real model: the snippets open the prompt, in the model's
repository layout, and the model state of that start is reused while the user types.

The engine's generator is wrapped only to read the prompt it is given; generation is the real one.
"""

from __future__ import annotations

import dataclasses
import textwrap

import pytest

from codewhisperer_lsp.completion.crossfile import CrossFileContext, OpenDocument
from codewhisperer_lsp.completion.service import CompletionRequest, CompletionService
from codewhisperer_lsp.config import Settings
from tests.unit.completion.conftest import ready_engine
from codewhisperer_lsp.model.engine import ModelEngine

pytestmark = pytest.mark.model

INVOICES = textwrap.dedent('''\
    """Invoice helpers."""


    def invoice_total(lines, tax_rate, discount=0.0):
        """Sum of the lines, taxed, less the discount."""
        subtotal = sum(line.price * line.quantity for line in lines)
        return subtotal * (1 + tax_rate) - discount


    def parse_money(text, currency="EUR"):
        return round(float(text.strip().lstrip("$")), 2)
''')
MAIN = ("from invoices import invoice_total\n\n\ndef checkout(cart, region):\n"
        "    tax_rate = TAXES[region]\n    total = invoice_total(")
DOCS = (OpenDocument("file:///project/invoices.py", "python", 1, INVOICES),)
SETTINGS = dataclasses.replace(Settings(), maxNewTokens=12)


class Recording:
    """The real generator; remembers the prompt of each call."""

    def __init__(self, generator):
        self._generator = generator
        self.prompts: list[list[int]] = []

    def generate(self, prompt_ids, *args, **kwargs):
        self.prompts.append(list(prompt_ids))
        return self._generator.generate(prompt_ids, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._generator, name)


class RecordingEngine:
    def __init__(self, engine: ModelEngine):
        self._engine = engine
        self.recording = Recording(engine.generator())

    @property
    def spec(self):
        return self._engine.spec

    def generator(self):
        return self.recording


@pytest.fixture(scope="module")
def engine():
    return RecordingEngine(ready_engine())


def steady_service(engine) -> CompletionService:
    """A service whose context snapshots never age or run out of time: on a loaded machine the
    20 ms gathering budget and the 10 s refresh would otherwise decide what these tests see."""
    service = CompletionService(engine)
    service.crossfile = CrossFileContext(clock=lambda: 0.0)
    return service


def ask(service: CompletionService, text: str, settings: Settings = SETTINGS, documents=DOCS):
    request = CompletionRequest("file:///project/main.py", "python", text, 1, len(text), False, documents)
    return service.complete(request, settings)


def test_the_snippet_opens_the_prompt_and_its_state_is_reused_while_typing(engine):
    service = steady_service(engine)
    first = ask(service, MAIN)
    prompt = engine.recording.decode(engine.recording.prompts[-1])
    assert prompt.startswith("<|file_sep|>invoices.py\ndef invoice_total(lines, tax_rate, discount=0.0):")
    assert 'def parse_money(text, currency="EUR"):' in prompt  # not named, but main.py imports invoices
    assert prompt.index("<|file_sep|>main.py\n") > prompt.index("return subtotal")  # the current file last
    assert first.timings["context_tokens"] > 0 and first.timings["context_files"] == ["invoices.py"]
    typed, reused, total = MAIN, [], []
    for char in "cart.l":
        typed += char
        again = ask(service, typed)
        assert again.timings["context_reused"]
        assert engine.recording.decode(engine.recording.prompts[-1]).startswith(prompt[:prompt.index("<|file_sep|>main.py")])
        assert again.timings["reused_tokens"] > first.timings["context_tokens"]  # the snippets were not computed again
        reused.append(again.timings["reused_tokens"])
        total.append(again.timings["prompt_tokens"])
    off = ask(service, MAIN, dataclasses.replace(SETTINGS, crossFileContext=False))
    assert "invoice_total(lines" not in engine.recording.decode(engine.recording.prompts[-1])
    assert off.timings["context_tokens"] == 0
    added = first.timings["prompt_tokens"] - off.timings["prompt_tokens"]
    assert added == first.timings["context_tokens"]
    print(f"\ncontext: +{added} prompt tokens ({first.timings['prompt_tokens']} vs {off.timings['prompt_tokens']}), "
          f"gathered in {first.timings['context_ms']:.2f} ms, {again.timings['context_ms']:.3f} ms from the snapshot; "
          f"reuse while typing {sum(reused) / sum(total):.2f} of the prompt tokens")


def test_another_document_changing_refreshes_the_snippets(engine):
    service = steady_service(engine)
    ask(service, MAIN)
    changed = (OpenDocument(DOCS[0].uri, "python", 2, INVOICES.replace("discount=0.0", "discount=0.0, rounding=2")),)
    result = ask(service, MAIN + "c", documents=changed)
    assert not result.timings["context_reused"]
    assert "rounding=2" in engine.recording.decode(engine.recording.prompts[-1])
