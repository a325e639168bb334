"""Build the model prompt within a token budget, stable while the user types and moves.

The prompt starts at a line boundary that stays put while the cursor moves within a region
(`Windows`): consecutive keystrokes, and moves up or down within the window, share their first
tokens, so the generator reuses their cached state and computes only the lines between. A start
is on a grid of REGION_LINES lines and, when it must move, leaves room below the cursor.
The last, possibly partial, token of the text before the cursor is taken off the prompt and the
model is made to generate it again (token healing): a prompt that ends in indentation or in the
middle of a word otherwise makes the model start with a stray space or a split token.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Protocol

import numpy as np

ANCHOR = 16
# The text after the cursor follows the typed text in the fill-in-the-middle layout, so its tokens
# are computed again at every keystroke: keep it to the nearby lines that say how the gap ends.
# Measured in-process on the 164 masked HumanEval lines and the typing benchmark: 96 tokens, pass
# 0.482 and warm p50 518 ms; 48: 0.463 and 207 ms; 32: 0.445 and 208 ms (docs/SPEED.md).
SUFFIX_TOKENS_MAX = 48
# A manual trigger computes its prompt once and the user waits for several candidates anyway, so it
# shows more of the code below: the names and the shape the line must fit, within what the budget
# leaves after the window's prefix. On the tune part of the humaneval-x single-line set (48 lines,
# 8 per language, one run) 192 tokens against 48: exact 0.583 / tests 0.723 against 0.479 / 0.574,
# ahead or tied in every language on every figure (bench/results/infill_tune_suffix.json).
SUFFIX_TOKENS_INVOKED = 192


class Tokenizer(Protocol):
    def encode(self, text: str) -> list[int]: ...
    def decode(self, ids: list[int]) -> str: ...


@dataclass(frozen=True)
class Prompt:
    text: str
    ids: list[int]
    healed: str  # text taken off the end of the prefix, which the model must write first
    mode: str  # "fim" or "prefix"
    prefix_start_line: int


def _window(lines: list[str], tokenizer: Tokenizer, budget: int) -> int:
    """First line index such that lines[index:] fit in `budget` tokens, moved to an anchor."""
    total, start = 0, len(lines)
    for index in range(len(lines) - 1, -1, -1):
        total += len(tokenizer.encode(lines[index])) + 1
        if total > budget:
            break
        start = index
    if start == 0:
        return 0
    return min(len(lines) - 1, -(-start // ANCHOR) * ANCHOR)


# A new window start fills this share of the budget, so the cursor can move down the rest before the
# start moves; a kept start is given up when the lines before the cursor fill less than MIN_FILL.
REGION_LINES = 32
NEW_FILL = 0.6
MIN_FILL = 0.3


class Windows:
    """Per document, the window starts used lately; a request whose cursor still fits one keeps it
    (its state is likely cached), so a move within the region computes only the lines in between."""

    def __init__(self, grid: int = REGION_LINES, remembered: int = 4, documents: int = 64):
        self._grid, self._remembered, self._documents = grid, remembered, documents
        self._starts: OrderedDict[str, list[int]] = OrderedDict()

    def latest(self, key: str) -> int | None:
        starts = self._starts.get(key)
        return starts[0] if starts else None

    def start_for(self, key: str, lines: list[str], tokenizer: Tokenizer, budget: int,
                  new_tokens: int | None = None) -> int:
        """The first line of the window for a prefix of `lines` (the last one the cursor's). A
        remembered start is kept while its lines fit `budget`; a new one holds about `new_tokens`
        (NEW_FILL of the budget by default), so the window grows as the cursor moves down."""
        chosen = self.options(key, lines, tokenizer, budget, new_tokens)[0]
        self.remember(key, chosen)
        return chosen

    def options(self, key: str, lines: list[str], tokenizer: Tokenizer, budget: int,
                new_tokens: int | None = None) -> list[int]:
        """The remembered start that still fits (if any), then a new one; nothing remembered."""
        whole_file = new_tokens is None  # a file that fits the budget is shown whole, from its first line
        new_tokens = int(NEW_FILL * budget) if new_tokens is None else new_tokens
        least = min(MIN_FILL * budget, new_tokens / 2)
        # tokens of lines[i:] for i from the end, until past the budget
        fill: dict[int, int] = {}
        total, natural = 0, len(lines)
        for index in range(len(lines) - 1, -1, -1):
            total += len(tokenizer.encode(lines[index])) + 1
            if total > budget:
                break
            fill[index] = total
            natural = index
        natural = min(natural, len(lines) - 1)
        found = []
        for start in self._starts.get(key, ()):
            if natural <= start <= len(lines) - 1 and (start == 0 or fill.get(start, 0) >= least):
                found.append(start)
                break
        if natural == 0 and (whole_file or fill.get(0, 0) <= new_tokens):
            placed = 0
        else:
            target = next((i for i in sorted(fill) if fill[i] <= new_tokens), natural)
            placed = (target // self._grid) * self._grid
            if placed < natural:
                placed = min(len(lines) - 1, -(-natural // self._grid) * self._grid)
        if placed not in found:
            found.append(placed)
        return found

    def remember(self, key: str, start: int) -> None:
        starts = self._starts.setdefault(key, [])
        self._starts.move_to_end(key)
        if start in starts:
            starts.remove(start)
        starts.insert(0, start)
        del starts[self._remembered:]
        while len(self._starts) > self._documents:
            self._starts.popitem(last=False)

    def forget(self, key: str) -> None:
        self._starts.pop(key, None)


def trim_prefix(prefix: str, tokenizer: Tokenizer, budget: int) -> tuple[str, int]:
    lines = prefix.split("\n")
    start = _window(lines, tokenizer, budget)
    return "\n".join(lines[start:]), start


def trim_suffix(suffix: str, tokenizer: Tokenizer, budget: int) -> str:
    lines = suffix.split("\n")
    kept, total = [], 0
    for line in lines:
        total += len(tokenizer.encode(line)) + 1
        if total > budget:
            break
        kept.append(line)
    return "\n".join(kept)


def heal(prefix: str, tokenizer: Tokenizer) -> tuple[str, str]:
    """Split off the last token of `prefix` unless it ends a line; returns (kept, healed)."""
    if not prefix or prefix.endswith("\n"):
        return prefix, ""
    tail = prefix[-64:]
    ids = tokenizer.encode(tail)
    if len(ids) < 2:
        return prefix, ""
    last = tokenizer.decode(ids[-1:])
    if not last or not prefix.endswith(last) or "\n" in last:
        return prefix, ""
    return prefix[: -len(last)], last


def suffix_budget_of(budget: int, use_fim: bool, suffix_share: float = 0.25, most: int | None = None) -> int:
    """Tokens of the text after the cursor: a share of the budget, at most `most` (by default
    SUFFIX_TOKENS_MAX)."""
    return min(int(budget * suffix_share), SUFFIX_TOKENS_MAX if most is None else most) if use_fim else 0


def build(tokenizer: Tokenizer, template: str, header: str, prefix: str, suffix: str, use_fim: bool,
          budget: int, suffix_share: float = 0.25, heal_tokens: bool = True, start_line: int | None = None,
          suffix_max: int | None = None) -> Prompt:
    """`start_line`: where the window starts (Windows.start_for); by default the first line that
    fits the budget, moved to an ANCHOR. `suffix_max`: the suffix's tokens at most (by default
    SUFFIX_TOKENS_MAX)."""
    suffix_budget = suffix_budget_of(budget, use_fim, suffix_share, suffix_max)
    if start_line is None:
        kept_prefix, start_line = trim_prefix(prefix, tokenizer, budget - suffix_budget)
    else:
        kept_prefix = "\n".join(prefix.split("\n")[start_line:])
    usual = suffix_budget_of(budget, use_fim, suffix_share)
    if suffix_budget > usual:  # a larger cap than the window's start left room for: what the budget has left
        suffix_budget = max(usual, min(suffix_budget, budget - len(tokenizer.encode(kept_prefix))))
    kept_prefix, healed = heal(kept_prefix, tokenizer) if heal_tokens else (kept_prefix, "")
    if use_fim:
        body = template.format(prefix=kept_prefix, suffix=trim_suffix(suffix, tokenizer, suffix_budget))
        text = header + body
    else:
        text = header + kept_prefix
    return Prompt(text, tokenizer.encode(text), healed, "fim" if use_fim else "prefix", start_line)


class Healer:
    """Masks the logits so the first generated tokens spell out the healed text."""

    def __init__(self, token_texts: list[str], first_special: int):
        self._texts = token_texts
        self._first_special = first_special
        self._by_first: dict[str, np.ndarray] = {}
        buckets: dict[str, list[int]] = {}
        for token_id, text in enumerate(token_texts[:first_special]):
            if text:
                buckets.setdefault(text[0], []).append(token_id)
        self._by_first = {char: np.asarray(ids) for char, ids in buckets.items()}

    def constraint(self, healed: str, decode):
        if not healed:
            return None

        def constrain(generated: list[int], logits: np.ndarray) -> np.ndarray:
            done = decode(generated) if generated else ""
            if len(done) >= len(healed):
                return logits
            need = healed[len(done):]
            candidates = self._by_first.get(need[0])
            if candidates is None:
                return logits
            allowed = [t for t in candidates.tolist() if _spells(self._texts[t], need)]
            masked = np.full_like(logits, -np.inf)
            masked[allowed] = logits[allowed]
            return masked

        return constrain


    def branch(self, healed: str, decode, rank: int):
        """`constraint`, and where the first token that writes code past the healed text is chosen,
        only the (rank+1)-th likeliest such token: a candidate that starts differently. Tokens that
        merely spell the healed text (or whitespace) do not count, so `    ` + `return` and
        `    return` are one choice, not two."""
        heal = self.constraint(healed, decode)
        branched = False

        def constrain(generated: list[int], logits: np.ndarray) -> np.ndarray:
            nonlocal branched
            if heal is not None:
                logits = heal(generated, logits)
            if branched or rank == 0:
                return logits
            done = decode(generated) if generated else ""
            need = healed[len(done):]
            width = min(BRANCH_WIDTH, len(logits) - 1)
            top = np.argpartition(-logits, width)[:width + 1]
            top = top[np.argsort(-logits[top], kind="stable")]
            writes = [int(t) for t in top if np.isfinite(logits[t]) and self._writes_code(int(t), need)]
            if not writes or writes[0] != int(top[0]):
                return logits  # the likeliest token still spells the healed text: branch later
            branched = True
            if len(writes) <= rank:
                return logits  # fewer choices: the greedy candidate again (dropped as a duplicate)
            masked = np.full_like(logits, -np.inf)
            masked[writes[rank]] = logits[writes[rank]]
            return masked

        return constrain

    def _writes_code(self, token: int, need: str) -> bool:
        if token >= min(self._first_special, len(self._texts)):
            return False  # end of text and other special tokens write no code
        text = self._texts[token]
        return len(text) > len(need) and bool(text[len(need):].strip())


BRANCH_WIDTH = 32  # first tokens considered for a branch


def _spells(token: str, need: str) -> bool:
    """Whether `token` can be the next token of a text that must start with `need`. Past indentation
    the next character must not be whitespace: more spaces or a newline there run away (seen with
    the default model: a blank indented line answered with seventy spaces)."""
    if need.startswith(token):
        return True
    if not token.startswith(need):
        return False
    return not (need.isspace() and token[len(need)].isspace())
