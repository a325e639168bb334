"""A line left blank at its indentation (HumanEval/44's loop, one line masked): the healed prompt
used to send the default model into a run of spaces and the suggestion came back empty. Real model."""

from __future__ import annotations

import pytest

from codewhisperer_lsp.completion.service import CompletionRequest, CompletionService
from codewhisperer_lsp.config import Settings
from codewhisperer_lsp.model.engine import ModelEngine

pytestmark = pytest.mark.model

BEFORE = '''def change_base(x: int, base: int):
    """Change numerical base of input number x to base.
    return string representation after the conversion.
    base numbers are less than 10.
    >>> change_base(8, 3)
    '22'
    >>> change_base(8, 2)
    '1000'
    >>> change_base(7, 2)
    '111'
    """
    ret = ""
    while x > 0:
        ret = str(x % base) + ret
        '''
AFTER = "\n    return ret\n"


@pytest.fixture(scope="module")
def service():
    engine = ModelEngine()
    engine.configure("", "", "cpu", 0)
    assert engine.wait(180).state == "ready"
    return CompletionService(engine)


def test_a_blank_indented_line_gets_a_line_not_spaces(service):
    result = service.complete(CompletionRequest("file:///w/base.py", "python", BEFORE + AFTER, 1, len(BEFORE), True),
                              Settings(numSuggestions=1))
    assert result.items and result.items[0].strip() == "x //= base", result
    assert not result.items[0][0].isspace()  # the cursor already stands at the indentation
    assert result.timings["generated"] <= 40  # the run of spaces is cut short
