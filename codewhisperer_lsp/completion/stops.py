"""When generation may stop: the text written so far holds what the completion kind asks for
(a line, the next line, a signature, a whole block). Checked after every decoding step."""

from __future__ import annotations

from typing import Callable

from codewhisperer_lsp.completion.blocks import block_finished, signature_end, statement_end
from codewhisperer_lsp.completion.kinds import Stop
from codewhisperer_lsp.completion.situation import Situation

BLANK_RUN_MAX = 24  # characters of nothing but whitespace after which a line suggestion gives up


def stop_rule(situation: Situation, healed: str) -> Callable[[str], bool]:
    """When generation can stop: the text (healed part included) holds what the kind asks for."""
    stop = situation.stop
    if stop is Stop.LINE:
        return lambda text: "\n" in text[len(healed):]
    if stop is Stop.NEXT_LINE:
        def line_done(text: str) -> bool:
            body = text[len(healed):]
            if len(body) > BLANK_RUN_MAX and not body.strip():
                return True  # only whitespace so far: the model has lost its way
            return "\n" in (body.lstrip("\n") if situation.line_prefix.strip() else body.lstrip())
        return line_done
    if stop is Stop.SIGNATURE:
        def signature_done(text: str) -> bool:
            body = text[len(healed):].lstrip("\n")
            if statement_end(situation.language_id, body) is not None:
                return True  # a statement, not a definition: that line is the suggestion
            return "\n" in body and (signature_end(situation.language_id, body) is not None
                                     or body.count("\n") > 8)
        return signature_done

    def block_done(text: str) -> bool:
        return block_finished(situation.language_id, situation.prefix, text[len(healed):])
    return block_done
