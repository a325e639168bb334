"""The blockModel setting with the real models: the 1.5B writes a manual trigger's function body
(a body that runs and passes its checks), the 0.5B still writes the lines and automatic requests.
The 1.5B is built by the test set-up (`./dev.sh test`)."""

from __future__ import annotations

import pytest

from codewhisperer_lsp.completion.service import CompletionRequest, CompletionService
from codewhisperer_lsp.config import Settings
from codewhisperer_lsp.model.engine import ModelEngine
from tests.unit.completion.conftest import ready_engine

pytestmark = pytest.mark.model

LARGE = "qwen2.5-coder-1.5b-instruct"
HEAD = 'def count_vowels(text):\n    """Return how many of the characters of text are vowels (a, e, i, o, u; any case)."""\n'
TAIL = "\n\n\nprint(count_vowels('Hello'))\n"


@pytest.fixture(scope="module")
def engines():
    block = ModelEngine()
    block.configure(LARGE, "", "cpu", 0)
    status = block.wait(600)
    if status.state != "ready":
        pytest.fail(f"{LARGE} is not ready: {status.message} (the test set-up builds it)")
    return ready_engine(), block


def test_the_block_model_writes_a_manual_function_body_and_only_that(engines):
    main, block = engines
    service = CompletionService(main, block)
    settings = Settings(blockModel=LARGE)
    text = HEAD + "    " + TAIL
    body = service.complete(CompletionRequest("file:///w/vowels.py", "python", text, 1, len(HEAD) + 4, invoked=True),
                            settings)
    assert body.timings.get("block_model") is True
    assert body.items
    namespace: dict = {}
    exec(HEAD + "    " + body.items[0], namespace)  # the body the 1.5B wrote runs
    assert namespace["count_vowels"]("Hello World") == 3
    assert namespace["count_vowels"]("AEIOUxyz") == 5
    # an automatic request at the same place, and a manual one without the setting: the main model
    automatic = service.complete(CompletionRequest("file:///w/vowels.py", "python", text, 2, len(HEAD) + 4,
                                                   invoked=False), settings)
    assert "block_model" not in automatic.timings
    plain = service.complete(CompletionRequest("file:///w/vowels.py", "python", text, 3, len(HEAD) + 4, invoked=True),
                             Settings())
    assert "block_model" not in plain.timings
