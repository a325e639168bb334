"""The default model chosen per machine: the stored choice, when it counts, and what the engine
loads. Stand-in builds (a manifest and small files) in a temporary cache; no model is loaded here
(tests/e2e/test_model_choice.py measures the real ones)."""

from __future__ import annotations

import json
import logging
import os
import stat

import pytest

from codewhisperer_lsp import choose_model
from codewhisperer_lsp.model import artifacts, choice_file, engine
from codewhisperer_lsp.model.selection import Measurement, best_first, choose_default, explain
from codewhisperer_lsp.model.timing import measure_single_line
from codewhisperer_lsp.model.registry import default_model, get_model

SMALL = default_model()
LARGE = "qwen2.5-coder-1.5b-instruct"
CPU_SLOW = [Measurement(LARGE, 1240.0, "cpu", SMALL), Measurement(SMALL, 207.0, "cpu")]
CPU_FAST = [Measurement(LARGE, 300.0, "cpu", SMALL), Measurement(SMALL, 90.0, "cpu")]


def fake_build(root, name: str, content: bytes = b"weights") -> artifacts.Path:
    folder = artifacts.build_dir(name, "cpu", root)
    folder.mkdir(parents=True, exist_ok=True)
    for file in artifacts.REQUIRED:
        (folder / file).write_bytes(content + b" " + file.encode())
    artifacts.write_manifest(folder, {"model": name})
    return folder


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CODEWHISPERER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(engine, "RETRY_SECONDS", 3600.0)
    fake_build(tmp_path, SMALL)
    fake_build(tmp_path, LARGE)
    return tmp_path


def store(measurements, device="cpu") -> dict:
    choice = choice_file.decide(measurements, device)
    choice_file.write_choice(choice)
    return choice


class FakeGenerator:
    """Stands in for OnnxGenerator: records which build the engine loaded."""
    provider = "CPUExecutionProvider"
    load_s = 0.0
    description = ""

    def __init__(self, folder, device="auto", threads=0, **kwargs):
        self.folder = folder
        self.draft = None

    def attach_draft(self, draft):
        self.draft = draft


@pytest.fixture
def fake_runtime(monkeypatch):
    from codewhisperer_lsp.model import runtime

    monkeypatch.setattr(runtime, "OnnxGenerator", FakeGenerator)


def load(model: str = "", device: str = "cpu") -> engine.EngineStatus:
    eng = engine.ModelEngine()
    eng.configure(model, "", device, 1)
    status = eng.wait(30)
    assert status.state == "ready", status.message
    assert eng.generator().folder.name.startswith(status.model)  # the build of the model it names
    return status


# --- the file ---

def test_choice_file_round_trip(cache):
    choice = store(CPU_FAST)
    path = choice_file.choice_path()
    assert path == cache / "models" / "choice.json"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".choice")] == []  # no temp file left
    assert choice_file.read_choice() == choice == json.loads(path.read_text())
    assert choice["model"] == LARGE and [m["p50_ms"] for m in choice["measurements"]] == [300.0, 90.0]
    assert set(choice["models"]) == {SMALL, LARGE} and choice["machine"] == choice_file.machine()
    assert choice["measuredAt"] and choice["device"] == "cpu"
    here = choice_file.resolve_default("cpu")
    assert here == choice_file.Resolved(LARGE, f"chosen for this machine: {choice['reason']}", True)


def test_slow_cpu_keeps_the_small_model_and_says_why(cache):
    choice = store(CPU_SLOW)
    assert choice["model"] == SMALL
    assert choice["reason"].startswith("1.5B + 0.5B draft measured 1,240 ms p50 > 350 ms target \u2192 0.5B")
    assert choice_file.resolve_default("cpu").model == SMALL


def test_gpu_measurement_picks_the_better_model_past_the_target(cache):
    on_gpu = [Measurement(LARGE, 420.0, "cuda", SMALL), Measurement(SMALL, 60.0, "cuda")]
    chosen = choose_default(on_gpu, best_first([SMALL, LARGE]))
    assert chosen.model == LARGE
    assert "GPU" in explain(on_gpu, chosen, [LARGE, SMALL])
    assert choice_file.decide(on_gpu, "cpu")["model"] == LARGE


def test_better_model_first():
    assert best_first([SMALL, LARGE]) == [LARGE, SMALL]


@pytest.mark.parametrize("change", ["cpu count", "onnxruntime", "providers"])
def test_a_choice_from_another_machine_is_ignored(cache, change):
    choice = store(CPU_FAST)
    machine = choice["machine"]
    if change == "cpu count":
        machine["cpu_count"] += 1
    elif change == "onnxruntime":
        machine["onnxruntime"] += ".other"
    else:
        machine["providers"] = ["CUDAExecutionProvider", *machine["providers"]]
    choice_file.write_choice(choice)
    here = choice_file.resolve_default("cpu")
    assert here.model == SMALL and not here.chosen and "another machine" in here.note


def test_a_rebuilt_or_new_build_makes_the_choice_stale(cache):
    store(CPU_FAST)
    assert choice_file.resolve_default("cpu").chosen
    fake_build(cache, LARGE, b"rebuilt")  # a new manifest
    here = choice_file.resolve_default("cpu")
    assert here.model == SMALL and not here.chosen and "built again" in here.note


def test_a_choice_measured_on_the_gpu_does_not_apply_to_a_cpu_engine(cache):
    choice = store(CPU_FAST)
    choice["device"] = "cuda"
    choice_file.write_choice(choice)
    assert not choice_file.resolve_default("cpu").chosen


@pytest.mark.parametrize("content", ["{not json", "[]", '{"version": 1, "model": 3}', ""])
def test_a_corrupt_choice_is_ignored_with_a_warning(cache, caplog, content):
    path = choice_file.choice_path()
    path.write_text(content)
    with caplog.at_level(logging.WARNING, logger=choice_file.__name__):
        here = choice_file.resolve_default("cpu")
    assert here.model == SMALL and not here.chosen and "unreadable" in here.note
    assert any("ignoring the stored model choice" in r.getMessage() for r in caplog.records)


def test_no_choice_means_the_registry_default(cache):
    here = choice_file.resolve_default("cpu")
    assert here.model == SMALL and not here.chosen and "model choose" in here.note


# --- the engine ---

def test_the_engine_loads_the_choice_for_an_empty_setting(cache, fake_runtime):
    choice = store(CPU_FAST)
    status = load("")
    assert status.model == LARGE
    assert f"(chosen for this machine: {choice['reason']})" in status.message
    assert "drafting with" in status.message  # as any larger model: the small one drafts


def test_an_explicit_model_setting_wins(cache, fake_runtime):
    store(CPU_FAST)  # the choice says the 1.5B
    status = load(SMALL)
    assert status.model == SMALL and "chosen for this machine" not in status.message
    store(CPU_SLOW)  # the choice says the 0.5B
    assert load(LARGE).model == LARGE


def test_an_engine_with_a_corrupt_choice_loads_the_default(cache, fake_runtime):
    choice_file.choice_path().write_text("{not json")
    status = load("")
    assert status.model == SMALL and "the registry's default" in status.message


def test_a_chosen_build_that_does_not_verify_falls_back_to_the_default(cache, fake_runtime):
    store(CPU_FAST)
    folder = artifacts.build_dir(LARGE, "cpu", cache)
    (folder / "model.onnx").write_bytes(b"damaged")  # same manifest: the choice still matches, the hash fails
    status = load("")
    assert status.model == SMALL and f"the chosen {LARGE} is not built intact" in status.message


# --- measuring only when needed ---

def test_build_measures_once_then_keeps_the_choice_until_a_build_changes(cache, monkeypatch):
    calls = []

    def measure(prompts, device="auto", threads=0, report=print):
        calls.append(device)
        return list(CPU_SLOW)

    monkeypatch.setattr(choose_model, "measure", measure)
    first = choose_model.ensure("cpu", report=lambda message: None)
    assert calls == ["cpu"] and first["model"] == SMALL and choice_file.read_choice() == first
    messages = []
    assert choose_model.ensure("cpu", report=messages.append) == first
    assert calls == ["cpu"] and "up to date" in messages[-1]  # nothing changed: not measured again
    fake_build(cache, LARGE, b"rebuilt")
    choose_model.ensure("cpu", report=lambda message: None)
    assert calls == ["cpu", "cpu"] and not choice_file.stale_because(choice_file.read_choice(), "cpu")


def test_build_with_one_model_does_not_measure(tmp_path, monkeypatch):
    monkeypatch.setenv("CODEWHISPERER_CACHE_DIR", str(tmp_path))
    fake_build(tmp_path, SMALL)
    monkeypatch.setattr(choose_model, "measure", lambda *a, **k: pytest.fail("measured with one model built"))
    assert choose_model.ensure("cpu", report=lambda message: None) is None
    assert not choice_file.choice_path().exists()


def test_measure_single_line_times_the_keystroke_after_warming_the_one_before():
    class Recorder:
        def __init__(self):
            self.calls = []

        def generate(self, ids, sampling, stop_ids, stop_text=None):
            self.calls.append((list(ids), sampling.max_new_tokens, stop_text is not None))

    gen = Recorder()
    p50 = measure_single_line(gen, [([1, 2], [1, 2, 3]), [4, 5, 6]], set())
    assert p50 >= 0
    assert gen.calls == [([1, 2], 1, False), ([1, 2, 3], 24, True), ([4, 5], 1, False), ([4, 5, 6], 24, True)]


def test_the_fixed_prompts_are_laid_out_as_the_pipeline_does():
    class Chars:  # one token per character
        def encode(self, text):
            return [ord(c) for c in text]

        def decode(self, ids):
            return "".join(map(chr, ids))

    spec = get_model(SMALL)
    pairs = choose_model.keystroke_prompts(Chars(), SMALL)
    assert len(pairs) == len(choose_model.PROMPTS) >= 3
    for (path, before, _), (warm, timed) in zip(choose_model.PROMPTS, pairs):
        text = Chars().decode(timed)
        assert text.startswith(spec.file_header.format(path=path)) and "<|fim_suffix|>" in text
        assert warm != timed and text.endswith("<|fim_middle|>")


def test_the_large_model_drafts_only_where_drafting_measured_faster(cache):
    assert choice_file.draft_wanted(LARGE, "cpu") is None  # not measured here: the engine's default (draft)
    drafted_slower = [Measurement(LARGE, 507.0, "cpu", SMALL), Measurement(LARGE, 400.0, "cpu"),
                      Measurement(SMALL, 140.0, "cpu")]
    choice_file.write_choice(choice_file.decide(drafted_slower, "cpu"))
    assert choice_file.draft_wanted(LARGE, "cpu") is False
    assert choice_file.draft_wanted(SMALL, "cpu") is None  # one way measured: nothing to compare
    drafted_faster = [Measurement(LARGE, 300.0, "cpu", SMALL), Measurement(LARGE, 420.0, "cpu"),
                      Measurement(SMALL, 140.0, "cpu")]
    choice_file.write_choice(choice_file.decide(drafted_faster, "cpu"))
    assert choice_file.draft_wanted(LARGE, "cpu") is True
    fake_build(cache, LARGE, b"rebuilt")  # stale measurements say nothing
    assert choice_file.draft_wanted(LARGE, "cpu") is None
