"""The model registry (models/registry.json): which models exist, where their weights come from,
their pinned hashes, prompt template and stop tokens.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parents[2] / "models"


@dataclass(frozen=True)
class SourcePart:
    package: str
    version: str
    wheel: str
    sha256: str
    member: str


@dataclass(frozen=True)
class ModelSpec:
    name: str
    display_name: str
    upstream: str
    license: str
    attribution: str
    context_length: int
    fim_template: str
    file_header: str
    special_tokens: dict[str, int]
    stop_token_ids: tuple[int, ...]
    parts: tuple[SourcePart, ...]
    gguf_sha256: str
    builds: dict[str, dict] = field(default_factory=dict)


def _spec(name: str, raw: dict) -> ModelSpec:
    source = raw["source"]
    return ModelSpec(
        name=name,
        display_name=raw["display_name"],
        upstream=raw["upstream"],
        license=raw["license"],
        attribution=raw["attribution"],
        context_length=raw["context_length"],
        fim_template=raw["template"]["fim"],
        file_header=raw["template"]["file_header"],
        special_tokens=dict(raw["special_tokens"]),
        stop_token_ids=tuple(raw["stop_token_ids"]),
        parts=tuple(SourcePart(**p) for p in source["parts"]),
        gguf_sha256=source["gguf_sha256"],
        builds=dict(raw["builds"]),
    )


@functools.cache
def load_registry(path: Path = MODELS_DIR / "registry.json") -> tuple[str, dict[str, ModelSpec]]:
    raw = json.loads(path.read_text())
    return raw["default"], {name: _spec(name, m) for name, m in raw["models"].items()}


def default_model() -> str:
    return load_registry()[0]


def get_model(name: str) -> ModelSpec:
    models = load_registry()[1]
    if name not in models:
        raise KeyError(f"unknown model {name!r}; registered: {', '.join(sorted(models))}")
    return models[name]


def model_names() -> list[str]:
    return sorted(load_registry()[1])
