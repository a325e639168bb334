"""The blockModel setting: a second engine, loaded only when set, writes a manual trigger's
function and block bodies; everything else stays with the main model."""

from __future__ import annotations

from dataclasses import dataclass

from codewhisperer_lsp.completion.service import CompletionRequest, CompletionService
from codewhisperer_lsp.config import Settings
from codewhisperer_lsp.lsp.engine import BlockEngineFeature
from tests.unit.completion.conftest import at


@dataclass
class _Status:
    state: str


class _Engine:
    def __init__(self, state: str = "ready"):
        self.status = _Status(state)
        self.configured = []

    def configure(self, *args):
        self.configured.append(args)


BODY = 'def add(a, b):\n    """Add two numbers."""\n    <|>\n'
LINE = "def f(xs):\n    s = 0\n    <|>\n    return s\n"


def _ask(service, marked, invoked, settings):
    here = at("python", marked)
    text = marked.replace("<|>", "")
    request = CompletionRequest("file:///a.py", "python", text, 1, marked.index("<|>"), invoked)
    return service._engine_for(request, here, settings)


def test_a_manual_trigger_on_a_body_uses_the_block_model_once_loaded():
    main, block = _Engine(), _Engine()
    service = CompletionService(main, block)
    on = Settings(blockModel="qwen2.5-coder-1.5b-instruct")
    assert _ask(service, BODY, True, on) is block
    assert _ask(service, BODY, False, on) is main  # typing: the fast model
    assert _ask(service, LINE, True, on) is main  # a line, not a body
    assert _ask(service, BODY, True, Settings()) is main  # not set: the main model writes bodies
    block.status = _Status("loading")
    assert _ask(service, BODY, True, on) is main  # still loading: nobody waits for it
    assert _ask(CompletionService(main), BODY, True, on) is main


def test_the_block_engine_loads_only_when_the_setting_names_a_model():
    block = _Engine()
    feature = BlockEngineFeature(block)
    feature.apply_settings(Settings(), Settings())
    assert block.configured == []
    feature.apply_settings(Settings(blockModel="qwen2.5-coder-1.5b-instruct", threads=2), Settings())
    assert block.configured == [("qwen2.5-coder-1.5b-instruct", "", "auto", 2)]


def test_the_block_answer_is_off_by_default():
    assert CompletionService(_Engine()).blocks is False  # the tune part measured it below line by line
