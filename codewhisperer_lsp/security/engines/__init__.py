"""The small interface every security engine implements, and the default engine list.

An engine scans the unsaved buffer text it is given (never the disk copy) and returns plain
`Finding`s. Engines whose tool is missing say so once through `available()`; the scanner skips
them and the others still run.
"""

from __future__ import annotations

import functools
import logging
from typing import Protocol, runtime_checkable

from codewhisperer_lsp.security.findings import Finding

log = logging.getLogger(__name__)


@runtime_checkable
class Engine(Protocol):
    name: str
    languages: frozenset[str]  # canonical language ids from context.languages; "*" = all

    def available(self) -> tuple[bool, str]:
        """(True, "") when the engine can run here, else (False, a one-line reason)."""

    def scan(self, path_or_uri: str, language_id: str, text: str) -> list[Finding]:
        """Findings in `text`, the current buffer content of `path_or_uri`."""


def handles(engine: Engine, language_id: str) -> bool:
    return "*" in engine.languages or language_id in engine.languages


@functools.cache
def default_engines() -> tuple[Engine, ...]:
    """All engines in priority order (earlier engines win when two report the same issue)."""
    from codewhisperer_lsp.security.engines.bandit_engine import BanditEngine
    from codewhisperer_lsp.security.engines.flawfinder_engine import FlawfinderEngine
    from codewhisperer_lsp.security.engines.rules_engine import RulesEngine
    from codewhisperer_lsp.security.engines.secrets_engine import SecretsEngine
    from codewhisperer_lsp.security.engines.semgrep_engine import SemgrepEngine
    from codewhisperer_lsp.security.engines.shellcheck_engine import ShellcheckEngine

    return (BanditEngine(), FlawfinderEngine(), ShellcheckEngine(), SemgrepEngine(), RulesEngine(), SecretsEngine())


def report_unavailable(engines: tuple[Engine, ...]) -> dict[str, str]:
    """Name -> reason for each engine that cannot run here, logged once per engine."""
    missing = {}
    for engine in engines:
        ok, reason = engine.available()
        if not ok:
            missing[engine.name] = reason
    return missing
