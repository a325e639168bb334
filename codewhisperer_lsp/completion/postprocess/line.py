"""Single-line kinds end with their line.

Mid-line and comment completion keep the rest of the cursor's line. Line-by-line completion
finishes the cursor's line when it is unfinished; when the line is complete (the user just
accepted it), the suggestion is the following line, starting with its line break.
"""

from __future__ import annotations

from codewhisperer_lsp.completion.postprocess.base import Situation, Stop


def cut_line(situation: Situation, text: str) -> str:
    if situation.stop is Stop.LINE:
        return text.split("\n", 1)[0]
    if situation.stop is not Stop.NEXT_LINE or not text.startswith("\n"):
        return text.split("\n", 1)[0] if situation.stop is Stop.NEXT_LINE else text
    row = next((row for row in text.split("\n") if row.strip()), "")
    if situation.line_prefix.strip():
        return "\n" + row if row else ""
    # A blank line: the suggestion goes on it, after the indentation already there.
    return row[len(situation.line_prefix):] if row.startswith(situation.line_prefix) else row.lstrip()
