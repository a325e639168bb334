"""Whether an automatic (as-you-type) request is worth a model call at this cursor.

Manual (Invoked) requests are never declined: the user asked. Automatic ones are declined
where a suggestion would only get in the way, before any prompt is built.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w")
_STATEMENT_CLOSERS = (")", "]", "}", ";")


def decline_reason(text: str, offset: int) -> str | None:
    """A short reason to answer an automatic request with nothing, or None to go on."""
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line_prefix = text[line_start:offset]
    line_suffix = text[offset:] if line_end < 0 else text[offset:line_end]
    if line_suffix[:1] and _WORD.match(line_suffix[:1]):
        return "mid-word"
    if not line_suffix.strip() and line_prefix.endswith(_STATEMENT_CLOSERS):
        return "after a closing bracket at the end of a statement"
    return None
