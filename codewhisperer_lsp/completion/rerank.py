"""Line suggestions ranked by how well the code below the cursor follows each of them.

A line written in the middle of code has to fit what comes after it: `return result` before a
loop that fills `result` does not. For every candidate the model scores the next few lines after
the cursor given the text before the cursor with the candidate inserted (prefix order, so the
state of the text before the cursor is reused and each candidate costs one short pass), and the
candidates are ordered by that log-probability. A candidate's scoring stops as soon as its sum
falls below the best one so far (it cannot come first any more); its partial sum, still below
that best, orders it among the rest. The greedy answer of one prompt is not special:
a candidate from another prompt or another first token that makes the following code likelier
goes first.

Measured on the 164 masked HumanEval lines through the server (docs/QUALITY.md), with the line
above code asked prefix-only: a manual trigger's first item passes 0.573 (0.439 before), the bare
model's line re-indented 0.470.
"""

from __future__ import annotations

from typing import Callable

# The lines after the cursor's line that are scored, and their tokens at most. On 111 tune-part
# humaneval-x lines in six languages (manual trigger, the candidates scored offline over eight
# lines): two lines and 32 tokens put the exact line first as often as four lines and 64 tokens
# (48 of 111 both; 29 for the greedy answer alone) for 56% of the scored tokens; one line lost 3.
FOLLOWING_LINES = 2
FOLLOWING_TOKENS = 32


def following(suffix: str) -> tuple[str, str] | None:
    """Split the text after the cursor into (the rest of the cursor's line with the line breaks
    after it, the next lines to score); None when no code follows."""
    rest, newline, after = suffix.partition("\n")
    code = after.lstrip("\n")
    if not newline or not code.strip():
        return None
    lead = rest + newline + after[: len(after) - len(code)]
    return lead, "\n".join(code.rstrip("\n").split("\n")[:FOLLOWING_LINES]) + "\n"


def can_rank(generator) -> bool:
    return generator.abilities.scores  # a remote engine returns no log-probabilities


def scores(generator, before: str, items: list[str], suffix: str,
           cancelled: Callable[[], bool] = lambda: False) -> dict[str, float] | None:
    """Per item, the log-probability of the following lines with the item inserted after `before`
    (the prompt text up to the cursor); None when there is nothing to score against."""
    split = following(suffix)
    if split is None or not can_rank(generator) or len(items) < 2:
        return None
    lead, lines = split
    continuation = generator.encode(lines)[:FOLLOWING_TOKENS]
    out: dict[str, float] = {}
    best = None
    for item in items:  # the first item (the plan's greedy answer) usually sets the bar for the rest
        out[item] = generator.continuation_logprob(generator.encode(before + item + lead), continuation, cancelled,
                                                   floor=best)
        best = out[item] if best is None else max(best, out[item])
    return out


def ranked(items: list[str], by: dict[str, float] | None) -> list[str]:
    """`items`, best score first; ties, and everything when there are no scores, keep their order."""
    if not by:
        return items
    return sorted(items, key=lambda item: -by[item])
