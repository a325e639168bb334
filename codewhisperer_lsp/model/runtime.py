"""Text generation with ONNX Runtime: a decoder-only model exported by onnxruntime-genai's builder.

The key/value cache stays in preallocated buffers bound as both past and present (iobinding.py),
between steps and between calls: a prompt that starts with tokens seen before (the same file while
the user types) reuses their state and only the new tokens are computed; states of other
documents wait in a cache bounded in bytes. Greedy requests decode speculatively (prompt lookup,
or a smaller draft model) with exactly the greedy output. Generation runs on a worker thread,
never on the event loop, and checks for cancellation before every pass.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np

from codewhisperer_lsp.model import artifacts
from codewhisperer_lsp.model.device import CUDA, create_session
from codewhisperer_lsp.model.generator import LOCAL, chunks_may_move_now
from codewhisperer_lsp.model.iobinding import BoundState, CopyingState, bound_state_works
from codewhisperer_lsp.model.rotary import MIN_CHUNK, Rotary, plan
from codewhisperer_lsp.model.speculative import ModelDraft, PromptLookup

log = logging.getLogger(__name__)

PREFILL_CHUNK = 256
# A prefill needs the logits of its last position only; two rows keep the output projection on its
# many-row kernel, whose numbers equal a whole pass's (one row rounds differently, see _run).
PREFILL_ROWS = 2
SCORE_CHUNK = 16  # a bounded score's continuation runs this many tokens at a time
WARM_CHUNK, WARM_CHUNK_MIN, WARM_CHUNK_MAX = 16, 16, 128  # tokens per step of a warm-up (fewer waste passes)
WARM_HOLD_S = 0.15  # a step's length: what a request that comes may wait for
DEFAULT_CACHE_BYTES = 160 << 20  # saved prefix states, all together


class Cancelled(Exception):
    """The request that asked for this generation was superseded or cancelled."""


@dataclass
class Sampling:
    max_new_tokens: int = 64
    temperature: float = 0.0  # 0 means greedy
    top_p: float = 0.95
    seed: int | None = None


@dataclass
class Generation:
    token_ids: list[int]
    text: str
    stop_reason: str  # "stop_token" | "stop_text" | "length"
    prompt_tokens: int
    reused_tokens: int
    prefill_s: float
    decode_s: float
    timings: dict = field(default_factory=dict)


@dataclass
class _Saved:
    ids: tuple[int, ...]
    past: list[np.ndarray]

    @property
    def nbytes(self) -> int:
        return sum(a.nbytes for a in self.past)


class KVCache:
    """Saved key/value states, reused by the longest common token prefix; least recently used
    first out, bounded in bytes. A state that another one extends is superseded by it."""

    def __init__(self, max_bytes: int = DEFAULT_CACHE_BYTES):
        self.max_bytes = max_bytes
        self._entries: OrderedDict[int, _Saved] = OrderedDict()
        self._next = 0

    @property
    def nbytes(self) -> int:
        return sum(entry.nbytes for entry in self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def best(self, ids: list[int]) -> tuple[int, _Saved | None]:
        best_len, best_entry, best_key = 0, None, None
        for key, entry in self._entries.items():
            n = _common_prefix(entry.ids, ids)
            if n > best_len:
                best_len, best_entry, best_key = n, entry, key
        if best_key is not None:
            self._entries.move_to_end(best_key)
        return best_len, best_entry

    def put(self, ids: list[int], past: list[np.ndarray]) -> None:
        entry = _Saved(tuple(ids), past)
        if not ids or entry.nbytes > self.max_bytes:
            return
        for key in [k for k, e in self._entries.items() if _common_prefix(e.ids, ids) == len(e.ids)]:
            del self._entries[key]  # a prefix of the new state: nothing it could serve that this can't
        self._entries[self._next] = entry
        self._next += 1
        total = self.nbytes
        while total > self.max_bytes:
            _, dropped = self._entries.popitem(last=False)
            total -= dropped.nbytes

    def clear(self) -> None:
        self._entries.clear()


def _common_prefix(a, b) -> int:
    n = min(len(a), len(b))
    if n == 0:
        return 0
    x = np.asarray(a[:n], dtype=np.int64)
    y = np.asarray(b[:n], dtype=np.int64)
    diff = np.flatnonzero(x != y)
    return int(diff[0]) if len(diff) else n


class OnnxGenerator:
    """One loaded model: session, tokenizer and the generation loop. Thread-safe (one call at a time).

    `speculate` turns on prompt-lookup drafts for greedy requests; `attach_draft` replaces them
    with a smaller model's drafts. Either way the output is the model's own greedy output."""

    abilities = LOCAL  # the model.generator.Generator protocol
    can_heal = True

    def __init__(self, folder: Path, device: str = "auto", threads: int = 0,
                 cache_bytes: int = DEFAULT_CACHE_BYTES, speculate: bool = True, io_binding: bool = True,
                 shift: bool | str = False):
        from tokenizers import Tokenizer

        started = time.monotonic()
        self.folder = folder
        config = json.loads((folder / "genai_config.json").read_text())["model"]
        decoder = config["decoder"]
        self.num_layers = decoder["num_hidden_layers"]
        self.kv_heads = decoder["num_key_value_heads"]
        self.head_size = decoder["head_size"]
        self.context_length = config.get("context_length", 32768)
        self.session, self.provider = create_session(artifacts.graph_file(folder), device, threads)
        self._kv_dtype = np.float16 if "float16" in self.session.get_inputs()[2].type else np.float32
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.state = self._new_state(io_binding)
        self.cache = KVCache(cache_bytes)
        self.speculate = speculate
        self.draft: ModelDraft | None = None
        self.stats = {"requests": 0, "prompt_tokens": 0, "reused_tokens": 0, "shifted_tokens": 0,
                      "drafted": 0, "accepted": 0}
        self._lock = threading.Lock()
        # cached chunks moved to new positions (rotary.py): measured from the model, or off.
        # shift=True or "all": every prompt and warm-up; "requests": only calls made inside
        # `chunks_may_move()` (a manual trigger); False or "off": never.
        self.shift = {True: "all", False: "off"}.get(shift, shift)
        if self.shift not in ("all", "requests", "off"):
            raise ValueError(f"shift must be 'all', 'requests' or 'off', not {shift!r}")
        self.rotary = self._measure_rotary() if self.shift != "off" else None
        self.shift_min = MIN_CHUNK
        self._pending: tuple[list[np.ndarray], list[tuple[int, int, int]]] | None = None
        self.load_s = time.monotonic() - started
        log.info("model loaded from %s in %.2f s on %s (%s)", folder, self.load_s, self.provider,
                 type(self.state).__name__)

    def _new_state(self, io_binding: bool):
        args = (self.session, self.provider, self.num_layers, self.kv_heads, self.head_size,
                self._kv_dtype, self.context_length)
        if io_binding and bound_state_works(*args):
            return BoundState(*args)
        if io_binding and self.provider == CUDA:
            log.warning("this model cannot keep its cache on the device; copying it each step")
        return CopyingState(*args)

    def _measure_rotary(self) -> Rotary | None:
        """The first layer's keys of one token at positions 0 and 1, on a scratch state."""
        try:
            probe = CopyingState(self.session, self.provider, self.num_layers, self.kv_heads, self.head_size,
                                 self._kv_dtype, self.context_length)
            token = self.token_id("def") or 0
            probe.run([token, token])
            keys = np.asarray(probe.snapshot()[0], dtype=np.float32)[0]  # (heads, 2, head_size)
            return Rotary.measure(keys[:, 0], keys[:, 1])
        except Exception as exc:  # an export this cannot read: chunks are computed again
            log.info("cached chunks are not moved: %s", exc)
            return None

    def attach_draft(self, draft: "OnnxGenerator | None", max_draft: int = 4) -> None:
        """Use `draft` (same tokenizer, smaller) to propose tokens for greedy requests."""
        if draft is not None and draft.tokenizer.get_vocab_size(True) != self.tokenizer.get_vocab_size(True):
            raise ValueError("the draft model must share the target's tokenizer")
        self.draft = ModelDraft(draft, max_draft) if draft is not None else None

    # --- tokens ---
    def encode(self, text: str) -> list[int]:
        return self.tokenizer.encode(text, add_special_tokens=False).ids

    def decode(self, ids: list[int]) -> str:
        return self.tokenizer.decode(ids, skip_special_tokens=False)

    def token_id(self, token: str) -> int | None:
        return self.tokenizer.token_to_id(token)

    @functools.cached_property
    def token_texts(self) -> list[str]:
        """The text of every token on its own (for constraining the first tokens)."""
        size = self.tokenizer.get_vocab_size(with_added_tokens=True)
        return self.tokenizer.decode_batch([[i] for i in range(size)], skip_special_tokens=False)

    # --- the model state ---
    def _save_live(self) -> None:
        if self.state.ids:
            self.cache.put(self.state.ids, self.state.snapshot())

    def _moves(self, warming: bool) -> bool:
        if self.rotary is None:
            return False
        return self.shift == "all" or (not warming and chunks_may_move_now())

    def _sync(self, ids: list[int], warming: bool = False) -> int:
        """Bring the live state to the longest usable prefix of `ids` (live or saved); returns its
        length. With chunks moved (`rotary`), runs found elsewhere are placed too: those right after
        the prefix now (counted in the length), the later ones as `_prefill` reaches them."""
        live = min(_common_prefix(self.state.ids, ids), len(ids) - 1)
        saved, entry = self.cache.best(ids)
        saved = min(saved, len(ids) - 1)
        have = max(live, saved)
        chunks = self._chunks(ids, have) if self._moves(warming) else None
        if chunks and chunks[0] is None:  # the live state is the source: one copy serves the runs and the cache
            past = self.state.snapshot()
            self.cache.put(self.state.ids, past)
            chunks = (past, chunks[1])
        elif live < len(self.state.ids) // 2:
            self._save_live()  # a different document or a big jump: keep what would be lost
        if entry is not None and saved > live:
            self.state.restore(list(ids[:saved]), entry.past)
        else:
            self.state.truncate(live)
        self._pending = None
        if chunks:
            arrays, runs = chunks
            while runs and runs[0][0] == have:
                have = self._place(ids, arrays, runs.pop(0))
            self._pending = (arrays, runs) if runs else None
        return have

    def _chunks(self, ids: list[int], at: int) -> tuple[list[np.ndarray] | None, list[tuple[int, int, int]]] | None:
        """Runs of `ids` after `at` found in one cached state (the live one or a saved one, the one
        with most): (its arrays, or None for the live state, which the caller copies; runs)."""
        want = np.asarray(ids, dtype=np.int64)
        end = len(ids) - 1  # the last token is always run: its logits are the answer
        best, best_total = None, 0
        sources = [(self.state.ids, None)] + [(entry.ids, entry) for entry in list(self.cache._entries.values())]
        for source_ids, entry in sources:
            runs = plan(np.asarray(source_ids, dtype=np.int64), want, at, end, self.shift_min)
            total = sum(length for _, _, length in runs)
            if total > best_total:
                best, best_total = (entry, runs), total
        if best is None:
            return None
        entry, runs = best
        return (entry.past if entry is not None else None), runs

    def _place(self, ids: list[int], arrays: list[np.ndarray], run: tuple[int, int, int]) -> int:
        """Append a run's state, keys rotated to its new place; returns the state's length."""
        at, start, length = run
        rotary = self.rotary
        if len(self.state.ids) == at and self.state.place(
                arrays, start, ids[at:at + length], lambda keys: rotary.rotate(keys, at - start)):
            self.stats["shifted_tokens"] += length
        return len(self.state.ids)

    def _next_run(self) -> int | None:
        """Where the next pending run starts (the prompt's tokens before it are computed first)."""
        return self._pending[1][0][0] if self._pending else None

    def _place_pending(self, ids: list[int]) -> None:
        """Place the pending runs that start where the state ends."""
        while self._pending and self._pending[1][0][0] == len(self.state.ids):
            arrays, runs = self._pending
            self._place(ids, arrays, runs.pop(0))
            if not runs:
                self._pending = None

    def reusable(self, ids: list[int]) -> int:
        """How many first tokens of `ids` a request would reuse now (live or saved state); an
        estimate taken without the lock (a warm-up may be moving the live state)."""
        live = _common_prefix(list(self.state.ids), ids)
        saved = max((_common_prefix(entry.ids, ids) for entry in list(self.cache._entries.values())), default=0)
        return max(live, saved)

    def warm(self, ids: list[int], stop: Callable[[], bool], hold_s: float = WARM_HOLD_S) -> int:
        """Prefill `ids` while nobody waits for the model, in chunks sized to hold the lock about
        `hold_s` (a request waits that long at most); `stop()` ends it between chunks (a request
        came, or the wanted ids changed). The state reached stays live (or saved, once a request
        moves it). Returns the tokens computed."""
        done, chunk = 0, WARM_CHUNK
        while not stop():
            with self._lock:
                if stop():
                    break
                have = self._sync(ids + [-1], warming=True)  # -1: no token matches it; every id of `ids` may be reused
                if have >= len(ids):
                    break
                end = min(len(ids), have + chunk, self._next_run() or len(ids))
                began = time.monotonic()
                self._run(ids[have:end], rows=PREFILL_ROWS)
                per_token = (time.monotonic() - began) / (end - have)
                done += end - have
            chunk = int(min(WARM_CHUNK_MAX, max(WARM_CHUNK_MIN, hold_s / max(per_token, 1e-4))))
        return done

    def advance_to(self, ids: list[int], cancelled: Callable[[], bool] = lambda: False) -> np.ndarray:
        """Make the state hold `ids` (reusing what it can); returns the logits after the last one."""
        return self._prefill(ids, cancelled)[0]

    def _prefill(self, ids: list[int], cancelled: Callable[[], bool]) -> tuple[np.ndarray, int]:
        self._sync(ids)
        logits, computed = None, 0
        while len(self.state.ids) < len(ids):
            if cancelled():
                raise Cancelled()
            start = len(self.state.ids)
            tokens = ids[start:min(start + PREFILL_CHUNK, self._next_run() or len(ids))]
            logits = self._run(tokens, rows=PREFILL_ROWS)
            computed += len(tokens)
            self._place_pending(ids)
        self._pending = None
        return logits[-1], len(ids) - computed

    def _run(self, tokens: list[int], rows: int | None = None) -> np.ndarray:
        """Run at least two positions: ONNX Runtime's one-row kernels round differently from the
        many-row ones, so a lone token is padded (its state then dropped). Every logit is then the
        one a whole-sequence pass gives, whatever was reused, chunked or drafted before it.
        `rows`: only the last rows' logits are needed (a prefill); the model may then skip the
        others' output projection (iobinding.takes_rows), giving the same numbers for the rest."""
        if len(tokens) != 1:
            return self.state.run(tokens, rows)
        base = len(self.state.ids)
        logits = self.state.run(tokens + tokens)[:1]
        self.state.truncate(base + 1)
        return logits

    def generate(self, prompt_ids: list[int], sampling: Sampling, stop_ids: set[int],
                 stop_text: Callable[[str], bool] | None = None,
                 cancelled: Callable[[], bool] = lambda: False,
                 constrain: Callable[[list[int], np.ndarray], np.ndarray] | None = None,
                 prompt_text: str | None = None) -> Generation:
        """Generate after `prompt_ids`. `stop_text(text)` may end generation early once the text is
        complete; `constrain(generated_ids, logits)` may mask tokens (prompt healing). `prompt_text`
        is for engines that send text; the local model reads the ids."""
        with self._lock:
            return self._generate(list(prompt_ids), sampling, stop_ids, stop_text, cancelled, constrain)

    def continuation_logprob(self, context_ids: list[int], continuation_ids: list[int],
                             cancelled: Callable[[], bool] = lambda: False, floor: float | None = None) -> float:
        """Sum of the log-probabilities of `continuation_ids` right after `context_ids`: the
        context's state is reused as for a prompt, then one pass over the continuation. With a
        `floor`, the continuation runs in chunks of SCORE_CHUNK tokens and stops once the sum so
        far is below the floor: the partial sum is returned, an upper bound of the whole one (each
        token only lowers the sum), so a candidate that cannot beat the floor costs less."""
        if not context_ids or not continuation_ids:
            raise ValueError("empty context or continuation")
        if len(context_ids) + len(continuation_ids) > self.context_length:
            raise ValueError("longer than the model's context")
        with self._lock:
            first, _ = self._prefill(list(context_ids), cancelled)
            total = float(_log_softmax(first)[continuation_ids[0]])
            rest = list(continuation_ids[:-1])  # each runs to give the next token's row
            step = SCORE_CHUNK if floor is not None else max(1, len(rest))
            for start in range(0, len(rest), step):
                if floor is not None and total < floor:
                    break
                if cancelled():
                    raise Cancelled()
                rows = self._run(rest[start:start + step])
                targets = continuation_ids[start + 1:start + 1 + len(rows)]
                total += float(sum(_log_softmax(row)[token] for row, token in zip(rows, targets)))
        return total

    def position_logits(self, ids: list[int]) -> np.ndarray:
        """The logits after every position of `ids`, computed from an empty state (no saved state
        reused): what the behavioural check of a build compares."""
        if not ids or len(ids) > self.context_length:
            raise ValueError("empty or longer than the model's context")
        with self._lock:
            self._save_live()
            self.state.truncate(0)
            return np.concatenate([self._run(list(ids[start:start + PREFILL_CHUNK]))
                                   for start in range(0, len(ids), PREFILL_CHUNK)])

    def _drafter(self, sampling: Sampling):
        if sampling.temperature > 0:
            return None
        if self.draft is not None:
            return self.draft
        return PromptLookup() if self.speculate else None

    def _generate(self, prompt_ids, sampling, stop_ids, stop_text, cancelled, constrain) -> Generation:
        if not prompt_ids:
            raise ValueError("empty prompt")
        if len(prompt_ids) + sampling.max_new_tokens > self.context_length:
            raise ValueError("prompt longer than the model's context")
        t0 = time.monotonic()
        logits, reused = self._prefill(prompt_ids, cancelled)
        drafter = self._drafter(sampling)
        if isinstance(drafter, ModelDraft):
            drafter.model.advance_to(prompt_ids, cancelled)  # the draft reads the prompt too
        t1 = time.monotonic()
        rng = np.random.default_rng(sampling.seed)
        out: list[int] = []
        drafted = accepted = passes = 0
        reason = None

        def take(logits: np.ndarray) -> tuple[int, str | None]:
            """Pick the next token and append it; returns (token, stop reason or None)."""
            if constrain is not None:
                logits = constrain(out, logits)
            token = _pick(logits, sampling, rng)
            if token in stop_ids:
                return token, "stop_token"
            out.append(token)
            if stop_text is not None and stop_text(self.decode(out)):
                return token, "stop_text"
            if len(out) >= sampling.max_new_tokens:
                return token, "length"
            return token, None

        if sampling.max_new_tokens <= 0:
            reason = "length"
        else:
            token, reason = take(logits)
        while reason is None:
            if cancelled():
                raise Cancelled()
            guess = drafter.propose(prompt_ids + out, sampling.max_new_tokens - len(out)) if drafter else []
            base = len(self.state.ids)
            block = self._run([token] + guess)
            passes += 1
            good = 0
            for i in range(len(guess) + 1):
                token, reason = take(block[i])
                if reason is not None or i == len(guess) or token != guess[i]:
                    break
                good += 1
            if guess:
                drafted += len(guess)
                accepted += good
                drafter.feedback(len(guess), good)
            self.state.truncate(base + 1 + good)
        t2 = time.monotonic()
        self.stats["requests"] += 1
        self.stats["prompt_tokens"] += len(prompt_ids)
        self.stats["reused_tokens"] += reused
        self.stats["drafted"] += drafted
        self.stats["accepted"] += accepted
        timings = {"drafted": drafted, "accepted": accepted, "passes": passes}
        return Generation(out, self.decode(out), reason, len(prompt_ids), reused, t1 - t0, t2 - t1, timings)


def _log_softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits.astype(np.float64) - float(np.max(logits))
    return shifted - np.log(np.exp(shifted).sum())


def _pick(logits: np.ndarray, sampling: Sampling, rng: np.random.Generator) -> int:
    if sampling.temperature <= 0:
        return int(np.argmax(logits))
    scaled = logits / sampling.temperature
    scaled -= scaled.max()
    probs = np.exp(scaled)
    probs /= probs.sum()
    order = np.argsort(-probs)
    cumulative = np.cumsum(probs[order])
    keep = order[: int(np.searchsorted(cumulative, sampling.top_p)) + 1]
    p = probs[keep] / probs[keep].sum()
    return int(rng.choice(keep, p=p))


def default_threads() -> int:
    return max(1, os.cpu_count() or 1)
