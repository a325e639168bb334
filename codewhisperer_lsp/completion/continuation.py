"""A manual trigger on an empty line between code: the first item grows into the lines the model
would write there, not one line of them.

The candidates are still one line each, ranked by how well the code below follows them
(rerank.py); the winner is then continued with the fill-in-the-middle prompt (the code below
shown), greedy, until the gap looks filled: the model ends the middle, writes the first line of
the code below again (at its indentation), goes back past the indentation where that code (or the cursor's line)
stands, leaves a blank line, or reaches MAX_LINES. Its first line is the ranked line unchanged, so
an editor that accepts a suggestion line by line sees what it saw before. When the ranked line is
not the fill-in-the-middle prompt's greedy line, both are grown and the block the code below
follows best goes first (the line ranking scored each line as if the code below came right after
it, which a gap of several lines is not).

Asked line by line, each line was written without the lines the model would put after it (a first
line opening one way, the next request going another). Off by default (`CompletionService.blocks`):
on the tune part of the multi-line infilling set (bench/infill_multiline.py --protocols block,
docs/QUALITY.md) the block answer passed fewer spans' tests than the line-by-line protocol and
the bare model's fill-in-the-middle answer.
"""

from __future__ import annotations

from typing import Callable

from codewhisperer_lsp.completion import rerank
from codewhisperer_lsp.completion.blocks import chatter_start, indent_width
from codewhisperer_lsp.completion.kinds import Stop
from codewhisperer_lsp.completion.situation import Situation

MAX_LINES = 8  # lines added after the first at most
GREEDY = "fim-r0"  # the attempt label of the fill-in-the-middle prompt's greedy line (attempts.py)
MAX_TOKENS = 128


def applies(situation: Situation, invoked: bool, code_below: bool) -> bool:
    """A manual trigger, a line-by-line plan, on a line empty but for its indentation, code below."""
    return (invoked and code_below and situation.stop is Stop.NEXT_LINE
            and not situation.line_prefix.strip() and not situation.line_suffix.strip())


def _target(situation: Situation) -> tuple[str, int]:
    """(the first non-blank line below the cursor, trailing blanks off; the indentation no added line may go below)."""
    rows = situation.following_lines
    first = rows[0] if rows else ""
    floor = indent_width(situation.line_prefix)
    if first:
        floor = min(floor, indent_width(first))
    return first.rstrip(), floor


def lines_kept(situation: Situation, text: str, complete_only: bool = True) -> list[str]:
    """The added lines of `text` (what the model wrote after the first line and its line break) that
    belong in the gap; with `complete_only`, a last line without its line break is left out."""
    target, floor = _target(situation)
    chatter = chatter_start(text)
    if chatter is not None:
        text = text[:chatter]
        complete_only = False
    rows = text.split("\n")
    if complete_only:
        rows = rows[:-1]
    kept: list[str] = []
    for row in rows[:MAX_LINES]:
        if not row.strip() or row.rstrip() == target or indent_width(row) < floor:
            break
        kept.append(row.rstrip())
    return kept


def stop_rule(situation: Situation) -> Callable[[str], bool]:
    """Stop once a complete line ends the gap, or MAX_LINES lines are written."""
    def done(text: str) -> bool:
        complete = text.count("\n")
        return complete >= MAX_LINES or (complete > 0 and len(lines_kept(situation, text)) < complete)
    return done


def extend(generator, prompt_text: str, healed: str, situation: Situation, item: str, stop_ids: set[int],
           cancelled: Callable[[], bool] = lambda: False) -> str:
    """`item` (the rest of the cursor's line) with the lines the model writes after it.
    `prompt_text`: the fill-in-the-middle prompt, `healed` the part of the prefix it leaves to the model."""
    from codewhisperer_lsp.model.runtime import Sampling

    lead = healed + item + "\n"
    generation = generator.generate(generator.encode(prompt_text + lead), Sampling(max_new_tokens=MAX_TOKENS),
                                    stop_ids, stop_rule(situation), cancelled, prompt_text=prompt_text + lead)
    more = lines_kept(situation, generation.text, complete_only=len(generation.token_ids) >= MAX_TOKENS)
    return "\n".join([item] + more)


def grow_first(generator, prompt_text: str, healed: str, before: str, situation: Situation, items: list[str],
               origins: dict[str, list[str]], stop_ids: set[int],
               cancelled: Callable[[], bool] = lambda: False) -> tuple[list[str], str]:
    """`items` with the first grown into a block; with the greedy line's block beside it when that
    line is not first, the block that makes the code below likelier first (scored after `before`,
    the text up to the cursor). Returns the items and which line went first: "ranked" or "greedy"."""
    greedy = next((item for item in items if GREEDY in origins.get(item, ())), None)
    firsts = [items[0]] + ([greedy] if greedy is not None and greedy != items[0] else [])
    grown = [extend(generator, prompt_text, healed, situation, line, stop_ids, cancelled) for line in firsts]
    order = [0, 1] if len(firsts) > 1 else [0]
    if len(firsts) > 1 and rerank.can_rank(generator) and grown[0] != grown[1]:
        scored = rerank.scores(generator, before, grown, situation.suffix, cancelled)
        if scored and scored[grown[1]] > scored[grown[0]]:
            order = [1, 0]
    rest = [item for item in items if item not in firsts]
    return [grown[i] for i in order] + rest, "ranked" if order[0] == 0 else "greedy"
