"""The one interface the completion service asks a model through, local (runtime.OnnxGenerator) or
remote (remote.RemoteGenerator): a `Generator`. What an engine can do is declared in its
`abilities`, so callers read a flag instead of probing for attributes.
"""

from __future__ import annotations

import contextlib
import contextvars
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterator, Protocol, runtime_checkable

if TYPE_CHECKING:
    from codewhisperer_lsp.model.runtime import Generation, Sampling


class ModelUnavailable(Exception):
    """No model to ask now (loading, missing, damaged, a remote engine down); the message says why."""


@dataclass(frozen=True)
class Abilities:
    constrains: bool  # takes a logit mask for its first tokens (token healing, branching on the first token)
    scores: bool  # gives the log-probability of a continuation (ranking candidates by the code below)
    keeps_state: bool  # reuses the model state of a prompt's start (stable windows, warm-up while the user reads)


# Whether the calls made in this context may reuse cached chunks at other positions (model/rotary.py):
# an approximation, so an engine applies it only where its owner asked for it (a manual trigger),
# never in a warm-up thread. Engines that keep no state ignore it.
_MOVES_CHUNKS = contextvars.ContextVar("moves_chunks", default=False)


@contextlib.contextmanager
def chunks_may_move(allowed: bool = True) -> Iterator[None]:
    token = _MOVES_CHUNKS.set(allowed)
    try:
        yield
    finally:
        _MOVES_CHUNKS.reset(token)


def chunks_may_move_now() -> bool:
    return _MOVES_CHUNKS.get()


LOCAL = Abilities(constrains=True, scores=True, keeps_state=True)
REMOTE = Abilities(constrains=False, scores=False, keeps_state=False)  # an HTTP API gives text only


@runtime_checkable
class Generator(Protocol):
    provider: str  # where it runs: an ONNX Runtime provider, or "remote"
    load_s: float
    abilities: Abilities

    @property
    def can_heal(self) -> bool:
        """The prompt may end at a token boundary (the text taken off is written again): needs the
        model's real tokenizer."""

    @property
    def token_texts(self) -> list[str]:
        """The text of every token on its own; empty where the vocabulary is unknown."""

    def encode(self, text: str) -> list[int]: ...

    def decode(self, ids: list[int]) -> str: ...

    def generate(self, prompt_ids: list[int], sampling: Sampling, stop_ids: set[int],
                 stop_text: Callable[[str], bool] | None = None,
                 cancelled: Callable[[], bool] = lambda: False, constrain=None,
                 prompt_text: str | None = None) -> Generation:
        """Generate after the prompt (`prompt_ids`; `prompt_text` is the same prompt as text, for an
        engine that sends text). `stop_text(text)` may end it early; `constrain` is ignored unless
        `abilities.constrains`. `cancelled()` is checked at every step (runtime.Cancelled)."""

    def reusable(self, ids: list[int]) -> int:
        """How many first tokens of `ids` a request would reuse now; 0 unless `abilities.keeps_state`."""

    def warm(self, ids: list[int], stop: Callable[[], bool]) -> int:
        """Prefill `ids` while nobody waits (completion/warmup.py); only where `abilities.keeps_state`."""

    def continuation_logprob(self, context_ids: list[int], continuation_ids: list[int],
                             cancelled: Callable[[], bool] = lambda: False, floor: float | None = None) -> float:
        """Only where `abilities.scores`. With a `floor`, may stop once the sum is below it and
        return the sum so far (an upper bound of the whole)."""
