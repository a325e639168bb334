"""What to ask the model for, per completion kind: the prompt mode, the token budget and the stop rule.

The kind comes from the syntax tree (`context.cursor.analyze`); this table turns it into a plan.
Languages with fewer structures (SQL has no blocks or functions to write) map several kinds onto
the ones they have.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace

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
    fim_above_code_invoked: bool | None = None  # the same on a manual trigger (None: as fim_above_code)

    def fim_for(self, invoked: bool, code_below: bool) -> bool:
        """Whether the prompt shows the text after the cursor, for this trigger and cursor."""
        if not self.fim or not code_below:
            return self.fim
        if invoked and self.fim_above_code_invoked is not None:
            return self.fim_above_code_invoked
        return self.fim_above_code

    @property
    def multiline(self) -> bool:
        return self.stop in (Stop.BLOCK, Stop.NEXT_LINE)


K = CompletionKind
# The 0.5B instruct model answers FIM prompts with a non-empty suffix by "```" and prose when it
# should write several lines, so multi-line kinds are prefix-only. A new line above more code:
# on the tune part of the humaneval-x single-line set (bench/infill_bench.py --part tune, 18 lines,
# 3 per language, docs/QUALITY.md) a manual trigger's ranked candidates from the fill-in-the-middle
# prompt (the code below shown) matched 0.389 of the lines and passed 0.444 of the tests, against
# 0.333 / 0.333 with the code below hidden (Go and Java gained, the others tied on tests); the
# automatic trigger's single greedy line is better prefix-only (exact 0.278 against 0.167) and
# computes no suffix at each keystroke, so it stays prefix-only. The rest of a line
# (`SINGLE_LINE_MID`) and a new line at the end of the code always show what follows.
PLANS: dict[CompletionKind, Plan] = {
    K.SINGLE_LINE_MID: Plan(K.SINGLE_LINE_MID, 48, True, Stop.LINE),
    K.LINE: Plan(K.LINE, 64, True, Stop.NEXT_LINE, fim_above_code=False, fim_above_code_invoked=True),
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


# Languages where a manual trigger on a new line above more code still asks prefix-only first (the
# code below hidden): only where the tune part measures it better; none so far.
LINE_PREFIX_ONLY_ABOVE_CODE: frozenset[str] = frozenset()


def plan_for(kind: CompletionKind, language_id: str) -> Plan | None:
    """The plan for `kind` in `language_id`; None when nothing should be suggested."""
    kind = LANGUAGE_KINDS.get(language_id, {}).get(kind, kind)
    plan = PLANS.get(kind)
    if plan is not None and kind is K.LINE and language_id in LINE_PREFIX_ONLY_ABOVE_CODE:
        return replace(plan, fim_above_code_invoked=False)
    return plan
