"""The one settings schema (section `codewhisperer`): defaults < user settings; an organization
policy file wins over both.

Settings arrive from `initializationOptions`, `workspace/configuration` and
`workspace/didChangeConfiguration`. Parsing never fails: what is valid is kept, each bad value
falls back to its default and yields one error message for the user.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

POLICY_ENV = "CODEWHISPERER_POLICY_FILE"
POLICY_SYSTEM_PATH = Path("/etc/codewhisperer-lsp/policy.json")


@dataclass(frozen=True)
class SecuritySettings:
    autoScanOnSave: bool = False
    maxFiles: int = 200
    maxBytes: int = 5_000_000
    timeoutSeconds: float = 60.0
    checkSuggestions: bool = True
    returnInsecureSuggestions: bool = True  # when every candidate has a finding, show it with the finding noted


@dataclass(frozen=True)
class RemoteSettings:
    """An inference server the user runs, spoken to over the OpenAI-compatible completions API."""
    url: str = ""  # the API root, e.g. http://gpu-box:8000/v1; empty: the local model
    model: str = ""  # the served model's name; empty: the first one the server lists
    apiKey: str = ""  # sent as a Bearer token; or set CODEWHISPERER_REMOTE_API_KEY
    timeoutSeconds: float = 15.0


@dataclass(frozen=True)
class ReferencesSettings:
    """The reference index: the local SQLite file by default, or a team's shared one."""
    database: str = ""  # postgresql://user@host/db, read-only; password from PGPASSWORD or a pgpass file


@dataclass(frozen=True)
class Settings:
    model: str = ""  # a registered model name; empty: the model `model choose` measured best for this machine, else the registry's default
    modelPath: str = ""  # a folder with the user's own onnxruntime-genai export; overrides `model`
    device: str = "auto"  # auto | cpu | cuda
    threads: int = 0  # 0: as many as there are cores
    autoSuggestions: bool = True
    debounceMs: int = 150
    numSuggestions: int = 3  # items on a manual (Invoked) trigger
    maxPromptTokens: int = 1024
    maxNewTokens: int = 160
    crossFileContext: bool = True  # snippets of the other open files and of the files this one imports
    temperature: float = 0.6  # for the second and later items on a manual trigger
    includeSuggestionsWithCodeReferences: bool = True
    # extra licensed code for the reference tracker: [{path, license (SPDX), url?}]
    referenceFolders: tuple = ()
    collectMetrics: bool = True
    logLevel: str = "info"
    security: SecuritySettings = field(default_factory=SecuritySettings)
    remote: RemoteSettings = field(default_factory=RemoteSettings)
    references: ReferencesSettings = field(default_factory=ReferencesSettings)


CHOICES = {"device": ("auto", "cpu", "cuda"), "logLevel": ("debug", "info", "warning", "error")}
BOUNDS = {"threads": (0, 256), "debounceMs": (0, 5000), "numSuggestions": (1, 10),
          "maxPromptTokens": (64, 16384), "maxNewTokens": (1, 2048), "temperature": (0.0, 2.0),
          "maxFiles": (1, 100_000), "maxBytes": (1, 1_000_000_000), "timeoutSeconds": (1.0, 3600.0)}
CHECKS = {"remote.url": lambda value: _remote_url_problem(value),
          "references.database": lambda value: _database_problem(value)}


def _database_problem(value: str) -> str | None:
    if not value:
        return None
    from codewhisperer_lsp.references.pg_url import problem
    return problem(value)


def _remote_url_problem(value: str) -> str | None:
    if not value:
        return None
    from codewhisperer_lsp.model.remote import check_url
    return check_url(value)


def reference_folders(name: str, value: Any) -> tuple[tuple, str | None]:
    """[{path, license, url?}] -> a tuple of such dicts; anything else is an error."""
    if not isinstance(value, list):
        return (), f"{name} must be a list of {{path, license, url?}}, got {value!r}"
    folders = []
    for item in value:
        if not (isinstance(item, dict) and isinstance(item.get("path"), str) and item["path"]
                and isinstance(item.get("license"), str) and isinstance(item.get("url", ""), str)):
            return (), f"{name} entries need a path and a license (SPDX id), got {item!r}"
        folders.append({"path": item["path"], "license": item["license"], "url": item.get("url", "")})
    return tuple(folders), None


def _check(name: str, default: Any, value: Any) -> tuple[Any, str | None]:
    kind = type(default)
    if kind is tuple:
        return reference_folders(name, value)
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if kind is bool and not isinstance(value, bool) or kind is not bool and isinstance(value, bool) \
            or not isinstance(value, kind):
        return default, f"{name} must be a {kind.__name__}, got {value!r}"
    if name in CHOICES and value not in CHOICES[name]:
        return default, f"{name} must be one of {', '.join(CHOICES[name])}, got {value!r}"
    if name in CHECKS and (problem := CHECKS[name](value)):
        return default, problem
    short = name.rsplit(".", 1)[-1]
    if short in BOUNDS and not BOUNDS[short][0] <= value <= BOUNDS[short][1]:
        low, high = BOUNDS[short]
        return default, f"{name} must be between {low} and {high}, got {value!r}"
    return value, None


def _parse_into(cls, raw: Any, prefix: str, errors: list[str]):
    if raw is None:
        return cls()
    if not isinstance(raw, dict):
        errors.append(f"{prefix or 'codewhisperer'} must be an object, got {type(raw).__name__}")
        return cls()
    values = {}
    fields = {f.name: f for f in dataclasses.fields(cls)}
    for key, value in raw.items():
        if key not in fields:
            errors.append(f"unknown setting {prefix}{key}")
            continue
        default = getattr(cls(), key)
        if dataclasses.is_dataclass(default):
            values[key] = _parse_into(type(default), value, f"{prefix}{key}.", errors)
            continue
        values[key], error = _check(prefix + key, default, value)
        if error:
            errors.append(error)
    return cls(**values)


def parse_settings(raw: Any) -> tuple[Settings, list[str]]:
    """Parse a `codewhisperer` settings object; returns what was valid and the errors."""
    if isinstance(raw, dict) and isinstance(raw.get("codewhisperer"), dict):
        raw = raw["codewhisperer"]
    errors: list[str] = []
    return _parse_into(Settings, raw, "", errors), errors


@dataclass(frozen=True)
class Policy:
    """What an organization enforces, from a policy file an administrator controls."""

    path: str = ""
    includeSuggestionsWithCodeReferences: bool | None = None
    collectMetrics: bool | None = None
    referenceFolders: tuple = ()  # indexed for everyone, in addition to the user's own
    error: str = ""


POLICY_SWITCHES = ("includeSuggestionsWithCodeReferences", "collectMetrics")


def policy_path() -> Path:
    return Path(os.environ.get(POLICY_ENV) or POLICY_SYSTEM_PATH)


def load_policy(path: Path | None = None) -> Policy:
    path = path or policy_path()
    if not path.is_file():
        return Policy()
    try:
        raw = json.loads(path.read_text())
        if not isinstance(raw, dict):
            raise ValueError("not a JSON object")
    except (OSError, ValueError) as exc:
        return Policy(path=str(path), error=f"organization policy {path} is unreadable: {exc}")
    keep: dict[str, Any] = {}
    problems = []
    for key, value in raw.items():
        if key in POLICY_SWITCHES:
            if isinstance(value, bool):
                keep[key] = value
            else:
                problems.append(f"{key} must be true or false, not {json.dumps(value)}: it is not enforced")
        elif key == "referenceFolders":
            keep[key], problem = reference_folders(key, value)
            if problem:
                problems.append(problem)
        else:
            known = ", ".join((*POLICY_SWITCHES, "referenceFolders"))
            problems.append(f"unknown key {key!r} is ignored (a policy file knows {known})")
    error = f"organization policy {path}: {'; '.join(problems)}" if problems else ""
    return Policy(path=str(path), error=error, **keep)


def effective(settings: Settings, policy: Policy) -> tuple[Settings, list[str]]:
    """Apply the organization policy; returns the settings in force and what the policy overrode."""
    overridden = []
    changes = {}
    for name in ("includeSuggestionsWithCodeReferences", "collectMetrics"):
        forced = getattr(policy, name)
        if forced is not None:
            changes[name] = forced
            if getattr(settings, name) != forced:
                overridden.append(name)
    return dataclasses.replace(settings, **changes), overridden
