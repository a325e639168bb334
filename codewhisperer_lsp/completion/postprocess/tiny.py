"""Drop suggestions not worth showing: empty, whitespace, or lone closing punctuation."""

from __future__ import annotations

import re

from codewhisperer_lsp.completion.postprocess.base import Situation

PUNCTUATION_ONLY = re.compile(r"^[\s\)\]\}\;\,\.]*$")


def drop_trivial(situation: Situation, text: str) -> str:
    if not text.strip() or PUNCTUATION_ONLY.match(text):
        return ""
    return text
