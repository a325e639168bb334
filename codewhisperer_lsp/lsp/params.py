"""Reading custom-message params, which pygls hands over as dicts or as namedtuples."""

from __future__ import annotations

from typing import Any


def field(params: Any, name: str, default: Any = None) -> Any:
    """`params[name]` for a dict, `params.name` for an object; `default` when absent or None params."""
    if params is None:
        return default
    if isinstance(params, dict):
        return params.get(name, default)
    return getattr(params, name, default)
