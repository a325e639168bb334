"""A larger registered model drafts with the registry's default (smaller, same tokenizer):
speculative decoding, with exactly the larger model's greedy output."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


def attach_default_draft(generator, model: str, device: str = "auto", threads: int = 0) -> str | None:
    """Give a larger registered model the registry's default (smaller, same tokenizer) as its
    speculative draft when that is built; returns the draft's name, or None."""
    from codewhisperer_lsp.model import artifacts
    from codewhisperer_lsp.model.registry import default_model
    from codewhisperer_lsp.model.runtime import OnnxGenerator

    small = default_model()
    if model == small:
        return None
    for target in ("cuda", "cpu") if generator.provider.startswith("CUDA") else ("cpu",):
        try:
            folder = artifacts.verify(artifacts.build_dir(small, target), "")
            generator.attach_draft(OnnxGenerator(folder.path, device, threads))
            return small
        except (artifacts.ArtifactError, ValueError, RuntimeError) as exc:
            log.info("no %s draft for %s: %s", target, model, exc)
    return None
