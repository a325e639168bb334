"""Drop markdown fences and everything after them: chat-trained models close a snippet with
```` ``` ```` and then explain it in prose."""

from __future__ import annotations

import re

from codewhisperer_lsp.completion.postprocess.base import Context

FENCE = re.compile(r"(^|\n)[ \t]*```")


def drop_fences(context: Context, text: str) -> str:
    match = FENCE.search(text)
    return text[: match.start()] if match else text
