"""The pause toggle and the small JSON state files under it."""

from __future__ import annotations

import json
import logging
import os
import stat

from codewhisperer_lsp.interaction.pause_state import FILE_NAME, PauseState
from codewhisperer_lsp.interaction.state_files import read_json, write_json


def test_pause_survives_a_new_instance(tmp_path):
    path = tmp_path / FILE_NAME
    assert PauseState(path).paused is False
    PauseState(path).set(True)
    assert PauseState(path).paused is True
    PauseState(path).set(False)
    assert PauseState(path).paused is False


def test_other_keys_in_the_file_are_kept(tmp_path):
    path = tmp_path / FILE_NAME
    path.write_text(json.dumps({"other": 1}))
    PauseState(path).set(True)
    assert read_json(path) == {"other": 1, "paused": True}


def test_unreadable_file_means_not_paused(tmp_path, caplog):
    path = tmp_path / FILE_NAME
    path.write_text("{not json")
    with caplog.at_level(logging.WARNING):
        assert PauseState(path).paused is False
    assert "ignoring unreadable" in caplog.text
    path.write_text("[1, 2]")
    assert PauseState(path).paused is False


def test_toggle_works_even_when_it_cannot_be_saved(tmp_path, caplog):
    folder = tmp_path / "ro"
    folder.mkdir()
    state = PauseState(folder / FILE_NAME)
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):  # running as root: permissions do not stop writes
            folder.chmod(0o700)
            (folder / FILE_NAME).mkdir()  # a folder where the file should be: replace fails
        with caplog.at_level(logging.WARNING):
            state.set(True)
        assert state.paused is True
        assert "could not remember the pause state" in caplog.text
    finally:
        folder.chmod(0o700)


def test_write_json_is_atomic_and_user_only(tmp_path):
    path = tmp_path / "deep" / "state.json"
    write_json(path, {"a": [1, 2]})
    assert read_json(path) == {"a": [1, 2]}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert [p.name for p in path.parent.iterdir()] == ["state.json"]  # no temp file left behind


def test_write_json_failure_leaves_the_old_file(tmp_path):
    path = tmp_path / "state.json"
    write_json(path, {"a": 1})
    try:
        write_json(path, {"bad": object()})
    except TypeError:
        pass
    assert read_json(path) == {"a": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]
