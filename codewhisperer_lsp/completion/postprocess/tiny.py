"""Drop suggestions not worth showing: empty, whitespace, or lone closing punctuation, unless a
new line of closing braces is what the document lacks (a block left open above the cursor)."""

from __future__ import annotations

import re

from codewhisperer_lsp.completion.postprocess.base import Situation
from codewhisperer_lsp.completion.postprocess.brackets import _code

PUNCTUATION_ONLY = re.compile(r"^[\s\)\]\}\;\,\.]*$")
BRACES_ONLY = re.compile(r"^\s*\}+[\s\)\;\,]*$")
COUNT_LIMIT = 200_000  # characters of document beyond which the braces are not counted


def closes_open_block(situation: Situation, text: str) -> bool:
    """Whether `text`, on a line of its own, closes braces that the whole document leaves open.
    Humaneval-x's masked `}` lines: the bare model writes them, and dropping them as trivial cost a
    test pass in every brace language (bench/infill_bench.py, tune part)."""
    if situation.line_prefix.strip() or not BRACES_ONLY.match(text):
        return False
    document = situation.prefix + situation.suffix
    if len(document) > COUNT_LIMIT:
        return False
    code = _code(document, situation.comment)
    return code.count("{") - code.count("}") >= text.count("}")


def drop_trivial(situation: Situation, text: str) -> str:
    if not text.strip() or PUNCTUATION_ONLY.match(text) and not closes_open_block(situation, text):
        return ""
    return text
