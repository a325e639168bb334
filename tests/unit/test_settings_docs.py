"""The settings tables in README.md and docs/PROTOCOL.md, the VS Code contribution and the Neovim
plugin's defaults all follow config.py: one source of truth, and this test fails when a copy is stale."""

import dataclasses
import json
import shutil
from pathlib import Path

from codewhisperer_lsp import config, settings_docs

ROOT = Path(__file__).resolve().parents[2]


def test_the_documented_settings_are_current():
    assert settings_docs.problems(ROOT) == [], "regenerate with: python -m codewhisperer_lsp.settings_docs"


def test_every_setting_field_is_in_the_table_with_a_description():
    def leaves(cls, prefix=""):
        for f in dataclasses.fields(cls):
            value = getattr(cls(), f.name)
            if dataclasses.is_dataclass(value):
                yield from leaves(type(value), f"{prefix}{f.name}.")
            else:
                yield prefix + f.name
    assert list(leaves(config.Settings)) == list(config.SPECS)
    assert all(spec.about for spec in config.SPECS.values())


def test_bounds_are_per_full_key():
    assert "security.timeoutSeconds" in config.BOUNDS and "remote.timeoutSeconds" in config.BOUNDS
    assert "timeoutSeconds" not in config.BOUNDS
    _, errors = config.parse_settings({"remote": {"timeoutSeconds": 0.5}, "security": {"timeoutSeconds": 0.5}})
    assert sorted(errors) == ["remote.timeoutSeconds must be between 1.0 and 3600.0, got 0.5",
                              "security.timeoutSeconds must be between 1.0 and 3600.0, got 0.5"]


def _copy(tmp_path: Path) -> Path:
    for name in ("README.md", "docs/PROTOCOL.md", "editors/vscode/package.json", "editors/vscode/src/settings.ts",
                 "editors/neovim/lua/codewhisperer/init.lua", "editors/neovim/lua/codewhisperer/ghost.lua"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def test_a_stale_copy_is_reported(tmp_path):
    root = _copy(tmp_path)
    protocol = root / "docs/PROTOCOL.md"
    protocol.write_text(protocol.read_text().replace("| 0..5000 |", "| 0..9000 |"))
    manifest = root / "editors/vscode/package.json"
    declared = json.loads(manifest.read_text())
    declared["contributes"]["configuration"]["properties"]["codewhisperer.security.maxFiles"]["maximum"] = 5
    manifest.write_text(json.dumps(declared))
    ghost = root / "editors/neovim/lua/codewhisperer/ghost.lua"
    ghost.write_text(ghost.read_text().replace("M.debounce_ms = 150", "M.debounce_ms = 200"))
    found = settings_docs.problems(root)
    assert found == ["docs/PROTOCOL.md: the settings table is stale",
                     "package.json codewhisperer.security.maxFiles: maximum is 5, config.py says 100000",
                     "neovim ghost.lua: debounce default ['200'] is not 150"]


def test_rewrite_replaces_only_the_table():
    text = "before\n<!-- settings:start -->\nold\n<!-- settings:end -->\nafter\n"
    assert settings_docs.rewrite(text, "new\n") == "before\n<!-- settings:start -->\nnew\n<!-- settings:end -->\nafter\n"
