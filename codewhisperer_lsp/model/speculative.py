"""Draft proposals for speculative decoding, checked by the target model so the output is exactly
its greedy output.

A drafter guesses the next few tokens; the target model runs the last accepted token and the
guesses in one pass, keeps the guesses that equal its own greedy choice, and adds one token of its
own. Two drafters:

- `PromptLookup`: the tokens that followed the latest earlier occurrence of the last n-gram in the
  prompt or the output (code repeats names and whole lines: "prompt lookup decoding");
- `ModelDraft`: a smaller model with the same tokenizer decoding greedily a few steps ahead.
"""

from __future__ import annotations

import numpy as np


class PromptLookup:
    """Proposes the continuation of the most recent earlier match of the last n tokens, n from
    `max_ngram` down to 2 (up to `max_draft` tokens), else of the last token alone (one token:
    the verifying pass runs at least two positions anyway, so a single guess is free)."""

    def __init__(self, max_ngram: int = 3, max_draft: int = 8, first_draft: int = 4):
        self.max_ngram, self.max_draft = max_ngram, max_draft
        self.k = first_draft  # adapted to how many guesses pass (a longer pass costs more)

    def propose(self, ids: list[int], limit: int) -> list[int]:
        limit = min(limit, self.k)
        if limit <= 0 or len(ids) < 2:
            return []
        seq = np.asarray(ids, dtype=np.int64)
        end = len(seq)
        for n in range(min(self.max_ngram, end - 1), 0, -1):
            tail = seq[end - n:]
            hits = np.flatnonzero(seq[: end - n] == tail[0])  # earlier windows' starts, latest last
            for start in hits[::-1]:
                if np.array_equal(seq[start:start + n], tail):
                    return seq[start + n: start + n + (limit if n > 1 else 1)].tolist()
        return []

    def feedback(self, proposed: int, accepted: int) -> None:
        if proposed > 1 and accepted == proposed:
            self.k = min(self.max_draft, self.k + 2)
        elif accepted < proposed:
            self.k = max(2, accepted + 1)


class ModelDraft:
    """A smaller model (same tokenizer) that decodes greedily ahead of the target.

    It keeps its own key/value state and prefix cache: each proposal only runs the tokens the
    target accepted since the last one, then `k` greedy steps."""

    def __init__(self, draft, max_draft: int = 4, min_draft: int = 2, cap: int = 8):
        self.model = draft  # an OnnxGenerator
        self.k, self.min_draft, self.cap = max_draft, min_draft, cap
        self.proposed = 0
        self.accepted = 0

    def propose(self, ids: list[int], limit: int) -> list[int]:
        limit = min(limit, self.k)
        if limit <= 0:
            return []
        logits = self.model.advance_to(ids)
        out: list[int] = []
        while True:
            token = int(np.argmax(logits))
            out.append(token)
            if len(out) >= limit:
                break
            logits = self.model.state.run([token])[-1]
        return out

    def feedback(self, proposed: int, accepted: int) -> None:
        """Adapts how far ahead to draft: further while all guesses pass, shorter after misses."""
        self.proposed += proposed
        self.accepted += accepted
        if proposed and accepted == proposed:
            self.k = min(self.cap, self.k + 1)
        elif accepted < proposed:
            self.k = max(self.min_draft, self.k - 1)
