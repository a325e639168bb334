"""The model engine as a server feature: its settings (model, modelPath, device, threads, remote.*)
configure it; it loads in the background and reports its state with codewhisperer/status."""

from __future__ import annotations

from codewhisperer_lsp.config import Settings
from codewhisperer_lsp.lsp.feature import Feature
from codewhisperer_lsp.model.engine import ModelEngine


class EngineFeature(Feature):
    name = "model"

    def __init__(self, engine: ModelEngine):
        self.engine = engine

    def apply_settings(self, new: Settings, previous: Settings) -> None:
        self.engine.configure(new.model, new.modelPath, new.device, new.threads, new.remote)  # a no-op when unchanged


class BlockEngineFeature(Feature):
    """The second engine of `blockModel` (a manual trigger's function and block bodies): loaded only
    while that setting names a model."""
    name = "block model"

    def __init__(self, engine: ModelEngine):
        self.engine = engine

    def apply_settings(self, new: Settings, previous: Settings) -> None:
        if new.blockModel:
            self.engine.configure(new.blockModel, "", new.device, new.threads)  # a no-op when unchanged
