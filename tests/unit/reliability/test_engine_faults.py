"""The model engine when its files are missing or damaged: a clear state and message with the fix,
and a repaired folder picked up by the next request, without a restart and without waiting for
the periodic retry. Small stand-in folders (the real model is loaded in tests/e2e/test_faults.py)."""

from __future__ import annotations

import time

import pytest

from codewhisperer_lsp.model import artifacts, engine
from codewhisperer_lsp.model.registry import default_model


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CODEWHISPERER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(engine, "RETRY_SECONDS", 3600.0)  # only a change of the files may trigger a reload
    return tmp_path


def fake_build(cache) -> artifacts.Path:
    folder = artifacts.build_dir(default_model(), "cpu", cache)
    folder.mkdir(parents=True)
    for name in artifacts.REQUIRED:
        (folder / name).write_bytes(b"not really " + name.encode())
    artifacts.write_manifest(folder, {"model": default_model()})
    return folder


def failing_message(model: engine.ModelEngine) -> str:
    status = model.wait(30)
    assert status.state == "failing"
    with pytest.raises(engine.ModelUnavailable):
        model.generator()
    return status.message


def test_missing_model_says_how_to_build_it(cache):
    model = engine.ModelEngine()
    model.configure("", "", "cpu", 1)
    message = failing_message(model)
    assert "no built model" in message and "codewhisperer-lsp model build" in message
    assert "reloadModel" in message


@pytest.mark.parametrize("damage", ["truncated", "wrong hash", "missing file", "manifest garbage"])
def test_damaged_build_is_reported_with_the_fix(cache, damage):
    folder = fake_build(cache)
    target = folder / "model.onnx"
    if damage == "truncated":
        target.write_bytes(target.read_bytes()[:4])
    elif damage == "wrong hash":
        target.write_bytes(b"X" * len(target.read_bytes()))
    elif damage == "missing file":
        target.unlink()
    else:
        (folder / artifacts.MANIFEST).write_text("{not json")
    model = engine.ModelEngine()
    model.configure("", "", "cpu", 1)
    message = failing_message(model)
    assert str(folder) in message and "model build" in message
    expected = {"truncated": "sha256", "wrong hash": "sha256", "missing file": "missing", "manifest garbage": "unreadable"}
    assert expected[damage] in message


def test_a_rebuilt_folder_is_picked_up_by_the_next_request(cache):
    statuses = []
    model = engine.ModelEngine(on_status=statuses.append)
    model.configure("", "", "cpu", 1)
    assert "no built model" in failing_message(model)
    with pytest.raises(engine.ModelUnavailable):  # nothing changed: no new load
        model.generator()
    assert model.wait(5).message == statuses[-1].message and len(statuses) == 2
    fake_build(cache)  # "rebuilt" (the stand-in files pass the hash check, then fail to load as ONNX)
    with pytest.raises(engine.ModelUnavailable):
        model.generator()  # sees the change and loads again in the background
    status = model.wait(30)
    assert len(statuses) == 4, [s.state for s in statuses]  # loading, failing, loading, failing
    assert "no built model" not in status.message  # it got past the hash check this time


def test_reload_command_path_loads_again_at_once(cache):
    model = engine.ModelEngine()
    model.configure("", "", "cpu", 1)
    first = failing_message(model)
    started = time.monotonic()
    status = model.reload(30)
    assert status.state == "failing" and status.message == first
    assert time.monotonic() - started < 30
