"""The behavioural check that replaced the byte hashes of converted weights (model/behaviour.py).

Real builds of both registered models pass it; copies changed at the level of rounding (what another
CPU's kernels or quantisation do) pass; a zeroed layer, another precision, another model in the slot,
corrupted and truncated weights fail with a message that says what differs and how to rebuild.
The changed copies are made by perturb_build.py in the model build's environment (it has `onnx`).
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from codewhisperer_lsp.model import artifacts, behaviour, build
from codewhisperer_lsp.model.registry import MODELS_DIR, get_model, model_names
from codewhisperer_lsp.paths import cache_dir
from tests.unit.model.conftest import LARGE, SMALL

HERE = Path(__file__).resolve().parent


# --- the comparison, on made-up observations -------------------------------------------------------

def _reference(argmax, margin, logprob) -> dict:
    return {"probes": [{"argmax": argmax, "margin": margin, "logprob": logprob}]}


def _tolerance():
    return behaviour.TOLERANCE["cpu"]


def test_the_same_behaviour_passes():
    ref = _reference([1, 2, 3, 4], [5.0, 5.0, 0.1, 5.0], [-0.5, -0.5, -1.0, -0.2])
    seen = behaviour.Observation([[1, 2, 3, 4]], [[5.0, 5.0, 0.1, 5.0]], [[-0.5, -0.5, -1.0, -0.2]])
    verdict = behaviour.compare(seen, ref, _tolerance())
    assert verdict.passed and verdict.agreement == 1.0 and verdict.logprob_diff == 0.0


def test_a_flipped_close_call_is_tolerated_a_flipped_sure_choice_is_not():
    n = 200
    argmax, margin, logprob = list(range(n)), [3.0] * n, [-0.5] * n
    margin[7] = 0.05  # a close call
    ref = _reference(argmax, margin, logprob)
    close = list(argmax)
    close[7] = 999
    assert behaviour.compare(behaviour.Observation([close], [margin], [logprob]), ref, _tolerance()).passed
    sure = list(argmax)
    sure[8] = 999
    verdict = behaviour.compare(behaviour.Observation([sure], [margin], [logprob]), ref, _tolerance())
    assert not verdict.passed and "where the reference was sure" in verdict.message


def test_a_shift_in_log_probability_fails_and_says_by_how_much():
    ref = _reference([1] * 100, [3.0] * 100, [-0.5] * 100)
    verdict = behaviour.compare(behaviour.Observation([[1] * 100], [[3.0] * 100], [[-0.55] * 100]), ref, _tolerance())
    assert not verdict.passed
    assert "-0.5500 against the reference's -0.5000" in verdict.message and "difference 0.0500" in verdict.message


def test_outputs_that_are_not_numbers_fail():
    ref = _reference([1] * 10, [3.0] * 10, [-0.5] * 10)
    verdict = behaviour.compare(behaviour.Observation([[1] * 10], [[3.0] * 10], [[math.nan] * 10]), ref, _tolerance())
    assert not verdict.passed and "not finite" in verdict.message


def test_every_registered_model_has_a_reference_over_all_probes():
    texts = behaviour.probe_texts()
    assert len(texts) >= 8
    for name in model_names():
        reference = behaviour.load_reference(name)
        assert [p["name"] for p in reference["probes"]] == list(texts)
        positions = sum(len(p["argmax"]) for p in reference["probes"])
        assert positions >= 1800
        for probe in reference["probes"]:
            assert len(probe["argmax"]) == len(probe["margin"]) == len(probe["logprob"]) == len(probe["ids"]) - 1


def test_a_cuda_build_without_a_cuda_provider_is_said_to_be_unchecked(monkeypatch):
    from codewhisperer_lsp.model import device

    monkeypatch.setattr(device, "available_providers", lambda: ["CPUExecutionProvider"])
    said = []
    record = build.check_behaviour(get_model(SMALL), "cuda", Path("/nonexistent"), said.append)
    assert record == {"checked": False, "reason": "no CUDA provider where it was built"}
    assert any("not checked" in line for line in said)


# --- real builds -----------------------------------------------------------------------------------

def _built(name: str) -> Path:
    try:
        return artifacts.verify(artifacts.build_dir(name, "cpu"), "").path
    except artifacts.ArtifactError:
        pytest.fail(f"{name} is not built: run the set-up script (./dev.sh test builds both models)")


def _build_python() -> Path:
    python = build.build_env_dir(cache_dir()) / "bin" / "python"
    if not python.is_file():
        pytest.fail(f"no model build environment at {python.parent.parent}: run the set-up script first")
    return python


@pytest.fixture(scope="module")
def variants(tmp_path_factory):
    """Changed copies of the 0.5B build, made on first use."""
    root = tmp_path_factory.mktemp("variants")
    made: dict[str, Path] = {}

    def variant(mode: str) -> Path:
        if mode not in made:
            out = root / mode
            subprocess.run([str(_build_python()), str(HERE / "perturb_build.py"), str(_built(SMALL)), str(out), mode],
                           check=True, capture_output=True, text=True)
            made[mode] = out
        return made[mode]

    return variant


def _check(folder: Path, model: str = SMALL) -> tuple[dict | None, str]:
    """What the build step makes of `folder`: its manifest record, or the error it raises."""
    said: list[str] = []
    try:
        return build.check_behaviour(get_model(model), "cpu", folder, said.append), ""
    except build.BuildError as exc:
        return None, str(exc)


@pytest.mark.model
@pytest.mark.parametrize("name", [SMALL, LARGE])
def test_the_registered_builds_pass_on_this_machine(name):
    folder = _built(name)
    record, error = _check(folder, name)
    assert not error and record["checked"] and record["passed"], error
    print(f"\n{name}: agreement {record['agreement']:.4f}, sure {record['decisive_agreement']:.4f}, "
          f"difference {record['logprob_diff']:.4f}")
    stored = json.loads((folder / artifacts.MANIFEST).read_text()).get("behaviour")
    assert stored and stored["passed"], "the build step records its check in the manifest"


@pytest.mark.model
@pytest.mark.parametrize("mode", ["nudge-blocks", "nudge-scattered", "kernels"])
def test_rounding_level_changes_pass(variants, mode):
    folder = variants(mode)
    assert artifacts.sha256_file(folder / "model.onnx.data") != artifacts.sha256_file(_built(SMALL) / "model.onnx.data") \
        or mode == "kernels"
    record, error = _check(folder)
    assert not error and record["passed"], error
    tolerance = behaviour.TOLERANCE["cpu"]
    print(f"\n{mode}: agreement {record['agreement']:.4f}, sure {record['decisive_agreement']:.4f}, "
          f"difference {record['logprob_diff']:.4f}")
    assert record["logprob_diff"] < tolerance.max_logprob_diff / 2


@pytest.mark.model
def test_a_zeroed_layer_fails(variants):
    record, error = _check(variants("zero-layer"))
    assert record is None and "does not behave as the registry's model" in error
    assert "model build --force" in error and "log-probability" in error


@pytest.fixture(scope="module")
def fp32_build() -> Path:
    """The same weights converted at fp32: another precision. Kept in the cache (2 GB, about 3 min once)."""
    out = cache_dir() / "test-variants" / f"{SMALL}-cpu-fp32"
    stamp = out / ".made-from"
    gguf = build.gguf_path(get_model(SMALL), cache_dir())
    wanted = f"{get_model(SMALL).gguf_sha256} {artifacts.sha256_file(MODELS_DIR / 'build-requirements.lock')}"
    if stamp.is_file() and stamp.read_text() == wanted:
        return out
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    subprocess.run([str(_build_python()), str(MODELS_DIR / "recipe_onnx.py"), str(gguf), str(out),
                    "--precision", "fp32", "--execution-provider", "cpu", "--extra", "shared_embeddings=true"],
                   check=True, capture_output=True, text=True)
    stamp.write_text(wanted)
    return out


@pytest.mark.model
def test_another_precision_fails(fp32_build):
    record, error = _check(fp32_build)
    assert record is None and "does not behave as the registry's model" in error


@pytest.mark.model
def test_another_model_in_the_slot_fails():
    record, error = _check(_built(LARGE), SMALL)
    assert record is None and "does not behave as the registry's model" in error


@pytest.mark.model
def test_corrupted_weights_fail(tmp_path):
    folder = tmp_path / "corrupted"
    shutil.copytree(_built(SMALL), folder)
    rng = np.random.default_rng(3)
    data = folder / "model.onnx.data"
    size = data.stat().st_size
    with open(data, "r+b") as handle:  # the same size, eight megabytes of noise
        for offset in rng.integers(0, size - (1 << 20), 8):
            handle.seek(int(offset))
            handle.write(rng.bytes(1 << 20))
    record, error = _check(folder)
    assert record is None and "does not behave" in error


@pytest.mark.model
def test_truncated_weights_fail_with_the_fix(tmp_path):
    folder = tmp_path / "truncated"
    shutil.copytree(_built(SMALL), folder)
    os.truncate(folder / "model.onnx.data", 200_000_000)
    record, error = _check(folder)
    assert record is None and "does not load" in error and "model build --force" in error


@pytest.mark.model
def test_a_build_from_before_the_check_is_checked_once_and_kept(tmp_path):
    final = artifacts.build_dir(SMALL, "cpu", tmp_path)
    shutil.copytree(_built(SMALL), final)
    manifest = json.loads((final / artifacts.MANIFEST).read_text())
    manifest.pop("behaviour", None)
    (final / artifacts.MANIFEST).write_text(json.dumps(manifest))
    said: list[str] = []
    assert build.build(SMALL, root=tmp_path, report=said.append) == final
    assert not any("converting" in line for line in said), said
    assert json.loads((final / artifacts.MANIFEST).read_text())["behaviour"]["passed"]


@pytest.mark.model
def test_doctor_shows_the_check_and_the_cpu_features():
    import sys

    result = subprocess.run([sys.executable, "-m", "codewhisperer_lsp", "doctor"], capture_output=True, text=True,
                            timeout=600)
    assert "behavioural check passed: greedy agreement" in result.stdout, result.stdout
    features = behaviour.cpu_features()
    assert f"instruction sets ONNX Runtime's kernels dispatch on: " in result.stdout
    assert all(feature in result.stdout for feature in features), (features, result.stdout)


@pytest.mark.model
def test_a_build_from_before_the_rows_graph_gets_it_in_place_and_is_checked(tmp_path, monkeypatch):
    final = artifacts.build_dir(SMALL, "cpu", tmp_path)
    shutil.copytree(_built(SMALL), final)
    (final / artifacts.ROWS_GRAPH).unlink()
    manifest = json.loads((final / artifacts.MANIFEST).read_text())
    manifest["files"].pop(artifacts.ROWS_GRAPH)
    (final / artifacts.MANIFEST).write_text(json.dumps(manifest))
    export = artifacts.sha256_file(final / "model.onnx")
    monkeypatch.setenv(build.BUILD_ENV_VAR, str(build.build_env_dir(cache_dir())))
    said: list[str] = []
    assert build.build(SMALL, root=tmp_path, report=said.append) == final
    assert any("adding the logits_from input" in line for line in said), said
    assert not any("converting" in line for line in said), said
    upgraded = artifacts.verify(final, "")
    assert artifacts.ROWS_GRAPH in upgraded.manifest["files"] and upgraded.manifest["behaviour"]["passed"]
    assert artifacts.sha256_file(final / "model.onnx") == export  # the export's graph is kept as it was
    said.clear()
    assert build.build(SMALL, root=tmp_path, report=said.append) == final  # once: now it is simply reused
    assert not any("adding" in line or "checking" in line for line in said), said
