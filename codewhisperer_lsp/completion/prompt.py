"""Build the model prompt within a token budget, stable while the user types.

The prompt starts at a line boundary that moves in steps of ANCHOR lines, so consecutive
keystrokes share their first tokens and the generator reuses their cached state.
The last, possibly partial, token of the text before the cursor is taken off the prompt and the
model is made to generate it again (token healing): a prompt that ends in indentation or in the
middle of a word otherwise makes the model start with a stray space or a split token.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

ANCHOR = 16
# The text after the cursor follows the typed text in the fill-in-the-middle layout, so its tokens
# are computed again at every keystroke: keep it to the nearby lines that say how the gap ends.
# Measured in-process on the 164 masked HumanEval lines and the typing benchmark: 96 tokens, pass
# 0.482 and warm p50 518 ms; 48: 0.463 and 207 ms; 32: 0.445 and 208 ms (docs/SPEED.md).
SUFFIX_TOKENS_MAX = 48


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


def build(tokenizer: Tokenizer, template: str, header: str, prefix: str, suffix: str, use_fim: bool,
          budget: int, suffix_share: float = 0.25, heal_tokens: bool = True) -> Prompt:
    suffix_budget = min(int(budget * suffix_share), SUFFIX_TOKENS_MAX) if use_fim else 0
    kept_prefix, start_line = trim_prefix(prefix, tokenizer, budget - suffix_budget)
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
