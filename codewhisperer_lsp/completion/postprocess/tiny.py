"""Drop suggestions not worth showing: empty, whitespace, or lone closing punctuation."""

from __future__ import annotations

import re

from codewhisperer_lsp.completion.postprocess.base import Context

PUNCTUATION_ONLY = re.compile(r"^[\s\)\]\}\;\,\.]*$")


def drop_trivial(context: Context, text: str) -> str:
    if not text.strip() or PUNCTUATION_ONLY.match(text):
        return ""
    return text
