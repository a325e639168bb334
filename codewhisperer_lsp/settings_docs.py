"""The settings tables of README.md and docs/PROTOCOL.md, written from config.SPECS, and a check
that the editor clients declare the same settings: `python -m codewhisperer_lsp.settings_docs`
rewrites the tables, `--check` only reports what is stale (a test runs the check).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from codewhisperer_lsp.config import SPECS, SettingSpec

ROOT = Path(__file__).resolve().parents[1]
START, END = "<!-- settings:start -->\n", "<!-- settings:end -->"
WIRE_TYPES = {bool: "bool", int: "int", float: "number", str: "string", tuple: "`[{path, license, url?}]`"}
JSON_TYPES = {bool: "boolean", int: "integer", float: "number", str: "string", tuple: "array"}
CLIENT_ONLY = ("server.", "trace.")  # VS Code settings the client keeps to itself


def _number(value) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _default(spec: SettingSpec) -> str:
    if spec.kind is bool:
        return f"`{json.dumps(spec.default)}`"
    if spec.kind is tuple:
        return "`[]`"
    if spec.kind is str:
        return f"`{spec.default}`" if spec.default else '`""`'
    return f"`{_number(spec.default)}`"


def _values(spec: SettingSpec) -> str:
    if spec.bounds:
        return "..".join(_number(bound) for bound in spec.bounds)
    if spec.choices:
        return ", ".join(f"`{choice}`" for choice in spec.choices)
    return spec.values


def _row(*cells: str) -> str:
    return "|" + "|".join(f" {cell} " if cell else " " for cell in cells) + "|"


def protocol_table() -> str:
    lines = ["| key | type | default | range / values | meaning |", "|---|---|---|---|---|"]
    lines += [_row(f"`{s.key}`", WIRE_TYPES[s.kind], _default(s), _values(s), s.about) for s in SPECS.values()]
    return "\n".join(lines) + "\n"


def readme_table() -> str:
    lines = ["| setting | default | meaning |", "|---|---|---|"]
    lines += [_row(f"`{s.key}`", _default(s), s.about) for s in SPECS.values()]
    return "\n".join(lines) + "\n"


TABLES = {"README.md": readme_table, "docs/PROTOCOL.md": protocol_table}


def embedded(text: str) -> str:
    return text.split(START, 1)[1].split(END, 1)[0]


def rewrite(text: str, table: str) -> str:
    head, rest = text.split(START, 1)
    return head + START + table + END + rest.split(END, 1)[1]


def stale_docs(root: Path = ROOT) -> list[str]:
    return [f"{name}: the settings table is stale" for name, table in TABLES.items()
            if embedded((root / name).read_text()) != table()]


def vscode_problems(root: Path = ROOT) -> list[str]:
    """package.json's contribution and settings.ts's SERVER_KEYS against SPECS."""
    declared = json.loads((root / "editors/vscode/package.json").read_text())["contributes"]["configuration"]
    properties = {key.removeprefix("codewhisperer."): value for key, value in declared["properties"].items()}
    problems = [f"package.json declares codewhisperer.{key}, which the server does not know"
                for key in properties if key not in SPECS and not key.startswith(CLIENT_ONLY)]
    for key, spec in SPECS.items():
        entry = properties.get(key)
        if entry is None:
            problems.append(f"package.json lacks codewhisperer.{key}")
            continue
        want = {"type": JSON_TYPES[spec.kind], "default": list(spec.default) if spec.kind is tuple else spec.default,
                "minimum": spec.bounds and spec.bounds[0], "maximum": spec.bounds and spec.bounds[1],
                "enum": spec.choices and list(spec.choices)}
        for name, value in want.items():
            if entry.get(name) != value:
                problems.append(f"package.json codewhisperer.{key}: {name} is {entry.get(name)!r}, config.py says {value!r}")
    source = (root / "editors/vscode/src/settings.ts").read_text()
    listed = re.search(r"SERVER_KEYS = \[(.*?)\]", source, re.S)
    keys = re.findall(r"'([\w.]+)'", listed.group(1)) if listed else []
    if sorted(keys) != sorted(SPECS):
        problems.append(f"settings.ts SERVER_KEYS differ from config.py: missing {sorted(set(SPECS) - set(keys))}, "
                        f"unknown {sorted(set(keys) - set(SPECS))}")
    return problems


def neovim_problems(root: Path = ROOT) -> list[str]:
    """The Neovim plugin debounces itself: its fallback must be the server's default."""
    default = SPECS["debounceMs"].default
    lua = root / "editors/neovim/lua/codewhisperer"
    found = {"init.lua": re.findall(r"settings\.debounceMs or (\d+)", (lua / "init.lua").read_text()),
             "ghost.lua": re.findall(r"M\.debounce_ms = (\d+)", (lua / "ghost.lua").read_text())}
    return [f"neovim {name}: debounce default {values} is not {default}"
            for name, values in found.items() if values != [str(default)]]


def problems(root: Path = ROOT) -> list[str]:
    return stale_docs(root) + vscode_problems(root) + neovim_problems(root)


def main(argv: list[str]) -> int:
    if "--check" not in argv:
        for name, table in TABLES.items():
            path = ROOT / name
            path.write_text(rewrite(path.read_text(), table()))
    found = problems()
    for problem in found:
        sys.stderr.write(problem + "\n")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
