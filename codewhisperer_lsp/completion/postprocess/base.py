"""The context every post-processing filter sees: the `Situation` of the request (the text around
the cursor, the completion kind from the syntax tree and its plan)."""

from __future__ import annotations

from codewhisperer_lsp.completion.kinds import Stop
from codewhisperer_lsp.completion.situation import Situation

Context = Situation

SINGLE_LINE = (Stop.LINE, Stop.NEXT_LINE)

__all__ = ["Context", "SINGLE_LINE", "Stop"]
