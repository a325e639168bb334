"""Drop markdown fences, 'example usage' / test tails and everything after them: chat-trained
models close a snippet with ```` ``` ```` and then explain or demonstrate it."""

from __future__ import annotations

import re

from codewhisperer_lsp.completion.blocks import chatter_start
from codewhisperer_lsp.completion.postprocess.base import Situation

FENCE = re.compile(r"(^|\n)[ \t]*```")


def drop_fences(situation: Situation, text: str) -> str:
    match = FENCE.search(text)
    return text[: match.start()] if match else text


def drop_tails(situation: Situation, text: str) -> str:
    cut = chatter_start(situation.line_prefix + text)
    if cut is None:
        return text
    return text[: max(0, cut - len(situation.line_prefix) - 1)]
