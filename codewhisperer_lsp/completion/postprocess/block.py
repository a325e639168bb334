"""Block kinds end where the block being written ends: after its closer, or before it when the
text after the cursor already closes the block (the parse decides)."""

from __future__ import annotations

from codewhisperer_lsp.completion.blocks import block_cut
from codewhisperer_lsp.completion.postprocess.base import Situation, Stop


def cut_block(situation: Situation, text: str) -> str:
    if situation.stop is not Stop.BLOCK:
        return text
    end = block_cut(situation.language_id, situation.prefix, text, situation.suffix, situation.suffix_closes)
    return text if end is None else text[:end]
