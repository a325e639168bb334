"""One sequence's model state in preallocated buffers, run through ONNX Runtime's IO binding.

The key/value cache lives in one buffer per layer and kind, sized for the longest sequence seen
(grown by doubling). Each buffer is bound both as the `past_key_values.*` input and as the
`present.*` output: GroupQueryAttention then writes the new tokens' keys and values in place and
nothing is copied per step. The valid length is given by the attention mask, so taking tokens
back (a rejected speculative draft) costs nothing: the next run simply starts earlier.

On the CPU the buffers are numpy arrays wrapped without a copy; on CUDA they are device
OrtValues, so inputs, outputs and the cache stay on the device and only the logits come back.
"""

from __future__ import annotations

import logging

import numpy as np

from codewhisperer_lsp.model.device import CUDA

log = logging.getLogger(__name__)

GROW = 256  # capacity steps, in tokens
ROWS_INPUT = "logits_from"  # models/logit_rows.py: logits only for the positions from this index on


def takes_rows(session) -> bool:
    """Whether the model can compute the logits of its last positions only (ROWS_INPUT)."""
    return ROWS_INPUT in {i.name for i in session.get_inputs()}


def rows_from(count: int, rows: int | None) -> np.ndarray:
    """The ROWS_INPUT value for the last `rows` of `count` positions (every row when None)."""
    return np.asarray([0 if rows is None or rows >= count else count - rows], dtype=np.int64)


class SharedBufferUnsupported(RuntimeError):
    """The model does not accept one buffer as both past and present (not a GQA export)."""


class BoundState:
    """Key/value buffers and the token ids whose state they hold (`ids`, valid length len(ids))."""

    def __init__(self, session, provider: str, num_layers: int, kv_heads: int, head_size: int,
                 kv_dtype, context_length: int, device_values: bool | None = None):
        import onnxruntime as ort

        self._ort = ort
        self.session = session
        self.device = "cuda" if provider == CUDA else "cpu"
        # numpy-backed buffers on the CPU; OrtValues allocated by ONNX Runtime on a device (the CUDA
        # path, which `device_values=True` also exercises on the CPU)
        self.device_values = self.device != "cpu" if device_values is None else device_values
        self.kv_heads, self.head_size, self.kv_dtype = kv_heads, head_size, kv_dtype
        self.context_length = context_length
        self.past_names = [f"past_key_values.{layer}.{kind}" for layer in range(num_layers) for kind in ("key", "value")]
        self.present_names = [f"present.{layer}.{kind}" for layer in range(num_layers) for kind in ("key", "value")]
        inputs = {i.name for i in session.get_inputs()}
        self.has_position_ids = "position_ids" in inputs
        self.takes_rows = takes_rows(session)
        self.capacity = 0
        self.ids: list[int] = []
        self._host: list[np.ndarray] = []  # CPU: the arrays the OrtValues wrap
        self._values: list = []  # OrtValues bound as past and present
        self._ones = np.ones((1, 0), dtype=np.int64)

    # --- memory ---
    @property
    def bytes_per_token(self) -> int:
        return len(self.past_names) * self.kv_heads * self.head_size * np.dtype(self.kv_dtype).itemsize

    @property
    def nbytes(self) -> int:
        return self.capacity * self.bytes_per_token

    def _shape(self, capacity: int) -> tuple[int, int, int, int]:
        return (1, self.kv_heads, capacity, self.head_size)

    def reserve(self, tokens: int) -> None:
        """Make room for `tokens` tokens, keeping the valid state."""
        if tokens <= self.capacity:
            return
        if tokens > self.context_length:
            raise ValueError(f"{tokens} tokens exceed the model's context of {self.context_length}")
        capacity = min(self.context_length, max(tokens, 2 * self.capacity, GROW))
        capacity = min(self.context_length, -(-capacity // GROW) * GROW)
        keep = len(self.ids)
        if not self.device_values:
            host = []
            for old in self._host or [None] * len(self.past_names):
                new = np.empty(self._shape(capacity), dtype=self.kv_dtype)
                if old is not None and keep:
                    new[:, :, :keep] = old[:, :, :keep]
                host.append(new)
            self._host = host
            self._values = [self._ort.OrtValue.ortvalue_from_numpy(a) for a in host]
        else:
            saved = self.snapshot() if keep else None
            self._values = [self._ort.OrtValue.ortvalue_from_shape_and_type(self._shape(capacity), self.kv_dtype,
                                                                            self.device, 0)
                            for _ in self.past_names]
            self.capacity = capacity
            if saved is not None:
                self.restore(self.ids, saved)
        self.capacity = capacity
        self._ones = np.ones((1, capacity), dtype=np.int64)

    # --- running ---
    def run(self, new_ids: list[int], rows: int | None = None) -> np.ndarray:
        """Run `new_ids` after the valid state; returns their logits, float32 (len(new_ids), vocab),
        or those of the last `rows` of them where the model can leave the others out (`takes_rows`;
        a model that cannot returns every row)."""
        past = len(self.ids)
        total = past + len(new_ids)
        self.reserve(total)
        binding = self.session.io_binding()
        binding.bind_cpu_input("input_ids", np.asarray([new_ids], dtype=np.int64))
        binding.bind_cpu_input("attention_mask", self._ones[:, :total])
        if self.has_position_ids:
            binding.bind_cpu_input("position_ids", np.arange(past, total, dtype=np.int64)[None, :])
        if self.takes_rows:
            binding.bind_cpu_input(ROWS_INPUT, rows_from(len(new_ids), rows))
        binding.bind_output("logits", "cpu")  # first: get_outputs() follows the binding order
        for past_name, present_name, value in zip(self.past_names, self.present_names, self._values):
            binding.bind_ortvalue_input(past_name, value)
            binding.bind_ortvalue_output(present_name, value)
        self.session.run_with_iobinding(binding)
        logits = binding.get_outputs()[0].numpy()
        self.ids.extend(new_ids)
        return np.asarray(logits[0], dtype=np.float32)

    def truncate(self, length: int) -> None:
        """Forget the state after the first `length` tokens."""
        del self.ids[length:]

    # --- saving and restoring (the prefix cache) ---
    def snapshot(self, length: int | None = None) -> list[np.ndarray]:
        """A compact host copy of the first `length` tokens' state."""
        length = len(self.ids) if length is None else length
        if not self.device_values:
            return [a[:, :, :length].copy() for a in self._host]
        return [v.numpy()[:, :, :length].copy() for v in self._values]

    def restore(self, ids: list[int], saved: list[np.ndarray]) -> None:
        """Load a snapshot's first len(ids) tokens as the valid state."""
        length = len(ids)
        self.ids = []
        self.reserve(length)
        if not self.device_values:
            for target, source in zip(self._host, saved):
                target[:, :, :length] = source[:, :, :length]
        else:
            for value, source in zip(self._values, saved):
                full = np.zeros(self._shape(self.capacity), dtype=self.kv_dtype)
                full[:, :, :length] = source[:, :, :length]
                value.update_inplace(full)
        self.ids = list(ids)

    def place(self, saved: list[np.ndarray], start: int, ids: list[int], keys_moved) -> bool:
        """Append the state of `ids`, tokens `start`.. of a snapshot, after the valid state, each
        key passed through `keys_moved` (the rotation to its new position). False on a device (the
        chunk is computed again there)."""
        if self.device_values:
            return False
        at, length = len(self.ids), len(ids)
        self.reserve(at + length)
        for index, (target, source) in enumerate(zip(self._host, saved)):
            chunk = source[:, :, start:start + length]
            target[:, :, at:at + length] = keys_moved(chunk) if index % 2 == 0 else chunk
        self.ids.extend(ids)
        return True


class CopyingState:
    """The same interface without IO binding: `session.run` with the cache passed as arrays
    (each step returns a new, longer cache). For models whose attention does not share buffers."""

    def __init__(self, session, provider: str, num_layers: int, kv_heads: int, head_size: int,
                 kv_dtype, context_length: int):
        self.session = session
        self.device = "cpu"
        self.kv_heads, self.head_size, self.kv_dtype = kv_heads, head_size, kv_dtype
        self.context_length = context_length
        self.past_names = [f"past_key_values.{layer}.{kind}" for layer in range(num_layers) for kind in ("key", "value")]
        self.output_names = ["logits"] + [f"present.{layer}.{kind}" for layer in range(num_layers) for kind in ("key", "value")]
        self.has_position_ids = "position_ids" in {i.name for i in session.get_inputs()}
        self.takes_rows = takes_rows(session)
        self.ids: list[int] = []
        self._past = self._empty()

    def _empty(self) -> list[np.ndarray]:
        return [np.zeros((1, self.kv_heads, 0, self.head_size), dtype=self.kv_dtype) for _ in self.past_names]

    @property
    def bytes_per_token(self) -> int:
        return len(self.past_names) * self.kv_heads * self.head_size * np.dtype(self.kv_dtype).itemsize

    @property
    def nbytes(self) -> int:
        return self._past[0].shape[2] * self.bytes_per_token

    def run(self, new_ids: list[int], rows: int | None = None) -> np.ndarray:
        past_len = len(self.ids)
        past = [p[:, :, :past_len] for p in self._past]
        feed = {"input_ids": np.asarray([new_ids], dtype=np.int64),
                "attention_mask": np.ones((1, past_len + len(new_ids)), dtype=np.int64)}
        feed.update(zip(self.past_names, past))
        if self.has_position_ids:
            feed["position_ids"] = np.arange(past_len, past_len + len(new_ids), dtype=np.int64)[None, :]
        if self.takes_rows:
            feed[ROWS_INPUT] = rows_from(len(new_ids), rows)
        outputs = self.session.run(self.output_names, feed)
        self._past = outputs[1:]
        self.ids.extend(new_ids)
        return np.asarray(outputs[0][0], dtype=np.float32)

    def truncate(self, length: int) -> None:
        del self.ids[length:]

    def snapshot(self, length: int | None = None) -> list[np.ndarray]:
        length = len(self.ids) if length is None else length
        return [p[:, :, :length].copy() for p in self._past]

    def restore(self, ids: list[int], saved: list[np.ndarray]) -> None:
        self._past = [s[:, :, :len(ids)] for s in saved]
        self.ids = list(ids)

    def place(self, saved: list[np.ndarray], start: int, ids: list[int], keys_moved) -> bool:
        at, length = len(self.ids), len(ids)
        self._past = [np.concatenate([p[:, :, :at], keys_moved(s[:, :, start:start + length]) if i % 2 == 0
                                      else s[:, :, start:start + length]], axis=2)
                      for i, (p, s) in enumerate(zip(self._past, saved))]
        self.ids.extend(ids)
        return True


def bound_state_works(*args, probe: tuple[int, ...] = (9707, 11, 1879, 0, 198, 262)) -> bool:
    """Whether the model accepts shared past/present buffers: the same logits as the copying path
    for a prompt run in two parts. False (not an error) for exports without that support."""
    try:
        bound, plain = BoundState(*args), CopyingState(*args)
        first, rest = list(probe[:4]), list(probe[4:])
        got = np.concatenate([bound.run(first), bound.run(rest)])
        want = np.concatenate([plain.run(first), plain.run(rest)])
    except Exception as exc:  # an export that rejects the binding
        log.info("IO binding with shared buffers unavailable: %s", exc)
        return False
    scale = float(np.abs(want).max()) or 1.0
    ok = float(np.abs(got - want).max()) <= 1e-2 * scale
    if not ok:
        log.info("IO binding with shared buffers gives different logits; using the copying path")
    return ok
