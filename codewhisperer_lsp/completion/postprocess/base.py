"""What every post-processing filter may use besides the request's `Situation` (the text around
the cursor, the completion kind from the syntax tree and its plan): the stop kinds that end at a line."""

from __future__ import annotations

from codewhisperer_lsp.completion.kinds import Stop
from codewhisperer_lsp.completion.situation import Situation

SINGLE_LINE = (Stop.LINE, Stop.NEXT_LINE)

__all__ = ["SINGLE_LINE", "Situation", "Stop"]
