"""The lifecycle every server feature shares (completion, security, references, the model engine),
and the one guarded loop that drives it.

The server calls each hook on every feature in turn (`run_hook`); a feature that raises is logged
with its traceback and reported to the user once, and the features after it still run, so one
broken feature never takes the others down. `ServerPort` is what the features use of the server:
the settings in force, the organization policy, the model engine, a message shown once, and the
status notification (no feature calls the server's private methods).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Iterable, Protocol

from lsprotocol import types

if TYPE_CHECKING:
    from codewhisperer_lsp.config import Policy, Settings
    from codewhisperer_lsp.model.engine import ModelEngine

log = logging.getLogger(__name__)


class ServerPort(Protocol):
    """What every feature may use of the server. Besides it, features use pygls's own API (the
    workspace, notifications) and the completion feature asks the references and security features
    to check its candidates (`server.references`, `server.security`)."""
    settings: Settings
    policy: Policy
    engine: ModelEngine

    def tell_once(self, message: str, kind: types.MessageType = types.MessageType.Info) -> None: ...

    def send_status(self) -> None:
        """Send codewhisperer/status again (the engine's state, the pause toggle)."""


class Feature:
    """The hooks; each does nothing unless a feature overrides it."""

    name = "feature"

    def apply_settings(self, new: Settings, previous: Settings) -> None:
        """The settings in force changed (`previous` is what applied before; equal at start)."""

    def initialized(self) -> None:
        """The client finished initializing and its settings are applied: start background work."""

    def shutdown(self) -> None:
        """The client asked the server to shut down: stop work in flight."""


def run_hook(server: ServerPort, features: Iterable[Feature], hook: str, *args: Any) -> list[str]:
    """Call `hook` on every feature; returns the names of those that failed."""
    failed = []
    for feature in features:
        try:
            getattr(feature, hook)(*args)
        except Exception as exc:  # one feature failing must not stop the others
            log.exception("the %s feature failed in %s", feature.name, hook)
            server.tell_once(f"the {feature.name} feature failed ({hook}): {exc}", types.MessageType.Error)
            failed.append(feature.name)
    return failed
