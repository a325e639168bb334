"""Comment-to-function: the suggestion is the signature the comment describes, nothing more; the
body is the next suggestion, once the signature is accepted. In a script (shell, Python, ...) a
comment may describe a statement instead: then the suggestion is that one line."""

from __future__ import annotations

from codewhisperer_lsp.completion.blocks import signature_end, statement_end
from codewhisperer_lsp.completion.postprocess.base import Situation, Stop


def cut_signature(situation: Situation, text: str) -> str:
    if situation.stop is not Stop.SIGNATURE:
        return text
    if not situation.line_prefix.strip():
        text = text.lstrip("\n")
    end = statement_end(situation.language_id, text, complete_only=False)
    if end is not None:
        return text[:end]
    end = signature_end(situation.language_id, text, complete_only=False)
    return text[:end] if end is not None else ""
