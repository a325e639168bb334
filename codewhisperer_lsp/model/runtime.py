"""Text generation with ONNX Runtime: a decoder-only model exported by onnxruntime-genai's builder.

The loop keeps the attention key/value cache between steps and between calls: a prompt that
starts with tokens seen before (the same file while the user types) reuses their cached state
and only the new tokens are computed. Generation runs on a worker thread, never on the event
loop, and checks for cancellation before every step.
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

from codewhisperer_lsp.model.device import create_session

log = logging.getLogger(__name__)

PREFILL_CHUNK = 256


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


class KVCache:
    """A few saved key/value states, reused by the longest common token prefix (bounded, LRU)."""

    def __init__(self, max_entries: int = 6):
        self.max_entries = max_entries
        self._entries: OrderedDict[int, _Saved] = OrderedDict()
        self._next = 0

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
        self._entries[self._next] = _Saved(tuple(ids), past)
        self._next += 1
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def clear(self) -> None:
        self._entries.clear()


def _common_prefix(a: tuple[int, ...], b: list[int]) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


class OnnxGenerator:
    """One loaded model: session, tokenizer and the generation loop. Thread-safe (one call at a time)."""

    def __init__(self, folder: Path, device: str = "auto", threads: int = 0):
        from tokenizers import Tokenizer

        started = time.monotonic()
        self.folder = folder
        config = json.loads((folder / "genai_config.json").read_text())["model"]
        decoder = config["decoder"]
        self.num_layers = decoder["num_hidden_layers"]
        self.kv_heads = decoder["num_key_value_heads"]
        self.head_size = decoder["head_size"]
        self.context_length = config.get("context_length", 32768)
        self.session, self.provider = create_session(folder / "model.onnx", device, threads)
        self._kv_dtype = np.float16 if "float16" in self.session.get_inputs()[2].type else np.float32
        self._input_names = {i.name for i in self.session.get_inputs()}
        self._past_names = [f"past_key_values.{layer}.{kind}" for layer in range(self.num_layers) for kind in ("key", "value")]
        self._output_names = ["logits"] + [f"present.{layer}.{kind}" for layer in range(self.num_layers) for kind in ("key", "value")]
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.cache = KVCache()
        self._lock = threading.Lock()
        self.load_s = time.monotonic() - started
        log.info("model loaded from %s in %.2f s on %s", folder, self.load_s, self.provider)

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

    # --- the model ---
    def _empty_past(self) -> list[np.ndarray]:
        shape = (1, self.kv_heads, 0, self.head_size)
        return [np.zeros(shape, dtype=self._kv_dtype) for _ in range(2 * self.num_layers)]

    def _run(self, ids: list[int], past: list[np.ndarray]) -> tuple[np.ndarray, list[np.ndarray]]:
        past_len = past[0].shape[2]
        feed = {
            "input_ids": np.asarray([ids], dtype=np.int64),
            "attention_mask": np.ones((1, past_len + len(ids)), dtype=np.int64),
        }
        feed.update(zip(self._past_names, past))
        if "position_ids" in self._input_names:
            feed["position_ids"] = np.arange(past_len, past_len + len(ids), dtype=np.int64)[None, :]
        outputs = self.session.run(self._output_names, feed)
        return outputs[0][0, -1].astype(np.float32), outputs[1:]

    def _prefill(self, ids: list[int], cancelled: Callable[[], bool]) -> tuple[np.ndarray, list, int]:
        reused, saved = self.cache.best(ids)
        reused = min(reused, len(ids) - 1)  # at least one token must run to give logits
        past = [p[:, :, :reused, :] for p in saved.past] if saved and reused > 0 else self._empty_past()
        if not saved:
            reused = 0
        logits = None
        for start in range(reused, len(ids), PREFILL_CHUNK):
            if cancelled():
                raise Cancelled()
            logits, past = self._run(ids[start:start + PREFILL_CHUNK], past)
        return logits, past, reused

    def generate(self, prompt_ids: list[int], sampling: Sampling, stop_ids: set[int],
                 stop_text: Callable[[str], bool] | None = None,
                 cancelled: Callable[[], bool] = lambda: False,
                 constrain: Callable[[list[int], np.ndarray], np.ndarray] | None = None) -> Generation:
        """Generate after `prompt_ids`. `stop_text(text)` may end generation early once the text is
        complete; `constrain(generated_ids, logits)` may mask tokens (prompt healing)."""
        with self._lock:
            return self._generate(prompt_ids, sampling, stop_ids, stop_text, cancelled, constrain)

    def _generate(self, prompt_ids, sampling, stop_ids, stop_text, cancelled, constrain) -> Generation:
        if len(prompt_ids) + sampling.max_new_tokens > self.context_length:
            raise ValueError("prompt longer than the model's context")
        t0 = time.monotonic()
        logits, past, reused = self._prefill(prompt_ids, cancelled)
        t1 = time.monotonic()
        rng = np.random.default_rng(sampling.seed)
        out: list[int] = []
        reason = "length"
        for step in range(sampling.max_new_tokens):
            if cancelled():
                raise Cancelled()
            if constrain is not None:
                logits = constrain(out, logits)
            token = _pick(logits, sampling, rng)
            if token in stop_ids:
                reason = "stop_token"
                break
            out.append(token)
            if stop_text is not None and stop_text(self.decode(out)):
                reason = "stop_text"
                break
            logits, past = self._run([token], past)
        t2 = time.monotonic()
        all_ids = list(prompt_ids) + out
        kept = past[0].shape[2]
        self.cache.put(all_ids[:kept], past)
        return Generation(out, self.decode(out), reason, len(prompt_ids), reused, t1 - t0, t2 - t1)


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
