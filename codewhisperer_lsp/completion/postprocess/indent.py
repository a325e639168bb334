"""Multi-line suggestions in the file's indentation style: tabs or its own number of spaces, and
the body at the depth the syntax tree expects."""

from __future__ import annotations

from codewhisperer_lsp.completion.blocks import indent_width
from codewhisperer_lsp.completion.postprocess.base import Situation, Stop


def _model_unit(lines: list[str], base: int) -> int | None:
    """The model's indentation step, measured from the cursor line's indentation `base`; None
    when the lines do not tell or do not sit on one grid."""
    offsets = {indent_width(line) - base for line in lines if line.strip()}
    steps = sorted(abs(offset) for offset in offsets if offset)
    if not steps:
        return None
    step = steps[0]
    return step if all(offset % step == 0 for offset in offsets) else None


def normalise(situation: Situation, text: str) -> str:
    if situation.stop is not Stop.BLOCK or "\n" not in text:
        return text
    unit = situation.indent_unit
    lines = text.split("\n")
    rest = lines[1:]
    body = [line for line in rest if line.strip()]
    if not body:
        return text
    base = indent_width(situation.cursor.indent.text)
    uses_tabs = any(line.startswith("\t") for line in body)
    wants_tabs = unit == "\t"
    model_unit = 4 if uses_tabs else _model_unit(body, base)
    file_unit = 4 if wants_tabs else len(unit)
    if model_unit is None or uses_tabs == wants_tabs and (wants_tabs or model_unit == file_unit):
        return text
    out = [lines[0]]
    for line in rest:
        if not line.strip():
            out.append("")
            continue
        levels = (indent_width(line) - base) // model_unit
        width = max(0, base + levels * file_unit)
        lead = "\t" * (width // 4) + " " * (width % 4) if wants_tabs else " " * width
        out.append(lead + line.lstrip(" \t"))
    return "\n".join(out)
