"""What to ask the model for, per completion kind: the prompt mode, the token budget and the stop rule.

The kind comes from the syntax tree (`context.cursor.analyze`); this table turns it into a plan.
Languages with fewer structures (SQL has no blocks or functions to write) map several kinds onto
the ones they have.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from codewhisperer_lsp.context.cursor import CompletionKind


class Stop(enum.Enum):
    LINE = "line"  # the rest of the current line only
    NEXT_LINE = "next_line"  # finish this line, or propose the following one (line-by-line)
    SIGNATURE = "signature"  # one complete header (brackets closed), nothing after it
    BLOCK = "block"  # the lines of the block being written, up to where it ends


@dataclass(frozen=True)
class Plan:
    kind: CompletionKind
    budget: int  # new tokens at most (the user's maxNewTokens caps it further)
    fim: bool  # fill-in-the-middle prompt (text after the cursor shown) instead of prefix-only
    stop: Stop
    fim_above_code: bool = True  # fill-in-the-middle also when more code follows the cursor's line

    @property
    def multiline(self) -> bool:
        return self.stop in (Stop.BLOCK, Stop.NEXT_LINE)


K = CompletionKind
# The 0.5B instruct model answers FIM prompts with a non-empty suffix by "```" and prose when it
# should write several lines, so multi-line kinds are prefix-only. A new line above more code is
# prefix-only too: on masked HumanEval lines its greedy line passed 17 of 29 against 8 of 29 with
# the code below shown (which tempts it to a line that belongs further down); a manual trigger
# still gets a fill-in-the-middle candidate, ranked against the code below (rerank.py). At the
# end of the code a new line keeps fill-in-the-middle (it recalls `for name in names:` in
# fnmatch.filter where prefix-only writes an invented line), and so does the rest of a line: the
# text after the cursor on that line must fit.
PLANS: dict[CompletionKind, Plan] = {
    K.SINGLE_LINE_MID: Plan(K.SINGLE_LINE_MID, 48, True, Stop.LINE),
    K.LINE: Plan(K.LINE, 64, True, Stop.NEXT_LINE, fim_above_code=False),
    K.BLOCK_BODY: Plan(K.BLOCK_BODY, 192, False, Stop.BLOCK),
    K.FUNCTION_BODY: Plan(K.FUNCTION_BODY, 320, False, Stop.BLOCK),
    K.DOCSTRING_BODY: Plan(K.DOCSTRING_BODY, 320, False, Stop.BLOCK),
    K.COMMENT_TO_FUNCTION: Plan(K.COMMENT_TO_FUNCTION, 64, False, Stop.SIGNATURE),
    K.COMMENT: Plan(K.COMMENT, 40, False, Stop.LINE),
}

# Per language: kinds it has no use for, and the kind to use instead.
LANGUAGE_KINDS: dict[str, dict[CompletionKind, CompletionKind]] = {
    "sql": {K.BLOCK_BODY: K.LINE, K.FUNCTION_BODY: K.LINE, K.DOCSTRING_BODY: K.LINE,
            K.COMMENT_TO_FUNCTION: K.LINE},
    "shellscript": {K.DOCSTRING_BODY: K.FUNCTION_BODY},
}


def plan_for(kind: CompletionKind, language_id: str) -> Plan | None:
    """The plan for `kind` in `language_id`; None when nothing should be suggested."""
    kind = LANGUAGE_KINDS.get(language_id, {}).get(kind, kind)
    return PLANS.get(kind)
