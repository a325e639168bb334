"""Fixtures for the model tests: the built models from the cache (the set-up script builds the default)."""

from __future__ import annotations

import os

import pytest

from codewhisperer_lsp.model import artifacts
from codewhisperer_lsp.model.registry import default_model, get_model

SMALL = default_model()
LARGE = "qwen2.5-coder-1.5b-instruct"
# bench/gpu_check.sh runs these tests on a CUDA build and device; the CPU is the default
TARGET = os.environ.get("CODEWHISPERER_MODEL_TARGET", "cpu")
DEVICE = os.environ.get("CODEWHISPERER_MODEL_DEVICE", "cpu")


def built(name: str):
    """The verified CPU build of `name`, or None if it is not built."""
    try:
        return artifacts.verify(artifacts.build_dir(name, TARGET), "").path
    except artifacts.ArtifactError:
        return None


@pytest.fixture(scope="session")
def small_folder():
    folder = built(SMALL)
    if folder is None:
        pytest.fail(f"{SMALL} is not built: run the set-up script (./dev.sh setup)")
    return folder


@pytest.fixture(scope="session")
def small(small_folder):
    from codewhisperer_lsp.model.runtime import OnnxGenerator

    return OnnxGenerator(small_folder, device=DEVICE)


@pytest.fixture(scope="session")
def stop_ids():
    return set(get_model(SMALL).stop_token_ids)
