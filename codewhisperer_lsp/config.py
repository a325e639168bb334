"""The one settings schema (section `codewhisperer`): defaults < user settings; an organization
policy file wins over both.

Settings arrive from `initializationOptions`, `workspace/configuration` and
`workspace/didChangeConfiguration`. Parsing never fails: what is valid is kept, each bad value
falls back to its default and yields one error message for the user.

Each field is declared with `setting(default, description, bounds/choices)`; `SPECS` lists them by
their full dotted key, and `settings_docs` writes the documentation tables from it.
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


def setting(default: Any, about: str, *, bounds: tuple | None = None, choices: tuple | None = None,
            values: str = "") -> Any:
    """A settings field: its default, a one-line description, and what values it takes."""
    meta = {"about": about, "bounds": bounds, "choices": choices, "values": values}
    return field(default=default, metadata=meta)


@dataclass(frozen=True)
class SecuritySettings:
    autoScanOnSave: bool = setting(False, "scan a file when it is saved")
    maxFiles: int = setting(200, "most files one scan reads", bounds=(1, 100_000))
    maxBytes: int = setting(5_000_000, "most bytes one scan reads", bounds=(1, 1_000_000_000))
    timeoutSeconds: float = setting(60.0, "a scan stops after this long", bounds=(1.0, 3600.0))
    checkSuggestions: bool = setting(True, "check each suggestion for security issues before it is shown")
    returnInsecureSuggestions: bool = setting(
        True, "when every candidate has a finding, still show one, with the finding in its command title and arguments")


@dataclass(frozen=True)
class RemoteSettings:
    """An inference server the user runs, spoken to over the OpenAI-compatible completions API."""
    url: str = setting("", "an inference server speaking the OpenAI-compatible completions API (vLLM, TGI, Triton, "
                       "llama.cpp's server), e.g. `http://gpu-box:8000/v1`; empty: the local model. Prompts go "
                       "there and nowhere else", values="an http(s) URL")
    model: str = setting("", "the served model's name; empty: the first one `/models` lists")
    apiKey: str = setting("", "sent as a Bearer token; or set `CODEWHISPERER_REMOTE_API_KEY`")
    timeoutSeconds: float = setting(15.0, "a remote request that takes longer answers nothing", bounds=(1.0, 3600.0))


@dataclass(frozen=True)
class ReferencesSettings:
    """The reference index: the local SQLite file by default, or a team's shared one."""
    database: str = setting("", "a team's shared reference index, read-only; password from `PGPASSWORD` or a "
                            "pgpass file; empty: the local index", values="`postgresql://user@host/db`")


@dataclass(frozen=True)
class Settings:
    model: str = setting("", "the model; empty: the one `codewhisperer-lsp model choose` measured best for this "
                         "machine (stored when models are built), else the registry's default",
                         values="a name from `codewhisperer-lsp model list`")
    modelPath: str = setting("", "your own onnxruntime-genai export (`model.onnx`, `genai_config.json`, "
                             "`tokenizer.json`); overrides `model`", values="a folder")
    device: str = setting("auto", "where the model runs (`auto`: CUDA only if the session really runs on it)",
                          choices=("auto", "cpu", "cuda"))
    threads: int = setting(0, "inference threads; 0: one per core", bounds=(0, 256))
    blockModel: str = setting("", "the model a manual trigger uses for a function or block body, for users willing to "
                              "wait for a better body (the 1.5B: docs/QUALITY.md); loaded beside `model` when "
                              "set; empty: `model` writes them too",
                              values="a name from `codewhisperer-lsp model list`")
    autoSuggestions: bool = setting(True, "suggest while typing (a manual trigger, Alt+C, always asks)")
    debounceMs: int = setting(150, "delay after typing before an automatic request (clients that debounce read it)",
                              bounds=(0, 5000))
    numSuggestions: int = setting(3, "items on a manual (Invoked) request", bounds=(1, 10))
    maxPromptTokens: int = setting(1024, "prompt budget in tokens", bounds=(64, 16384))
    maxNewTokens: int = setting(160, "longest suggestion in tokens", bounds=(1, 2048))
    crossFileContext: bool = setting(
        True, "short definitions from the other open documents and the imported workspace files open the prompt "
        "(at most 25% of `maxPromptTokens`, gathered within 20 ms)")
    temperature: float = setting(0.6, "sampling for the second and later items of a manual request", bounds=(0.0, 2.0))
    includeSuggestionsWithCodeReferences: bool = setting(
        True, "show suggestions that match licensed code (with the reference); an organization policy can force it")
    referenceFolders: tuple = setting(
        (), "folders of licensed code the reference tracker indexes too (re-indexed incrementally when the list "
        "changes); an organization policy can add folders for everyone",
        values="`license` an SPDX id; `url` may contain `{path}`")
    collectMetrics: bool = setting(True, "keep local usage metrics (never sent anywhere); an organization policy "
                                   "can force it")
    logLevel: str = setting("info", "server log level", choices=("debug", "info", "warning", "error"))
    security: SecuritySettings = field(default_factory=SecuritySettings)
    remote: RemoteSettings = field(default_factory=RemoteSettings)
    references: ReferencesSettings = field(default_factory=ReferencesSettings)


@dataclass(frozen=True)
class SettingSpec:
    """One setting as users see it: its full dotted key, wire type, default and allowed values."""
    key: str
    kind: type
    default: Any
    about: str
    bounds: tuple | None = None
    choices: tuple | None = None
    values: str = ""


def _specs(cls, prefix: str = "") -> list[SettingSpec]:
    specs = []
    for f in dataclasses.fields(cls):
        if "about" not in f.metadata:
            specs += _specs(f.default_factory, f"{prefix}{f.name}.")
            continue
        specs.append(SettingSpec(prefix + f.name, type(f.default), f.default, f.metadata["about"],
                                 f.metadata["bounds"], f.metadata["choices"], f.metadata["values"]))
    return specs


SPECS: dict[str, SettingSpec] = {spec.key: spec for spec in _specs(Settings)}  # the one settings table
CHOICES = {key: spec.choices for key, spec in SPECS.items() if spec.choices}
BOUNDS = {key: spec.bounds for key, spec in SPECS.items() if spec.bounds}
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
    if name in BOUNDS and not BOUNDS[name][0] <= value <= BOUNDS[name][1]:
        low, high = BOUNDS[name]
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
