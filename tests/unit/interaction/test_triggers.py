"""When an automatic request is declined before any model work."""

from __future__ import annotations

import pytest

from codewhisperer_lsp.interaction.triggers import decline_reason


def at(source: str) -> tuple[str, int]:
    before, after = source.split("<|>")
    return before + after, len(before)


@pytest.mark.parametrize("source,reason", [
    ("total = compu<|>te(x)\n", "mid-word"),
    ("x = <|>value\n", "mid-word"),
    ("print(total)<|>\n", "after a closing bracket at the end of a statement"),
    ("items = [1, 2, 3]<|>   \nnext\n", "after a closing bracket at the end of a statement"),
    ("int x = f(y);<|>", "after a closing bracket at the end of a statement"),
    ("}<|>", "after a closing bracket at the end of a statement"),
])
def test_declined(source, reason):
    assert decline_reason(*at(source)) == reason


@pytest.mark.parametrize("source", [
    "def add(a, b):\n    <|>\n",
    "result = <|>\n",
    "for i in range(<|>)\n",
    "values = sorted(<|>\n",
    "if (ready) {<|>\n",
    "<|>",
    "print(x)  # done<|>\n",
    "name = user.<|>\n",
])
def test_not_declined(source):
    assert decline_reason(*at(source)) is None
