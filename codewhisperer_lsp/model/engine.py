"""The model engine: finds the configured model, loads it in the background and reports its state
(loading, ready, failing) so requests never wait on a load and editors can show it.

A model that is missing or damaged leaves the engine "failing" with a message that says how to fix
it; everything else keeps working. The fix is picked up without a restart: the next request after
the model files change (or after RETRY_SECONDS) loads again, and `reload()` (the
codewhisperer.reloadModel command) does it at once.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from codewhisperer_lsp.model import artifacts
from codewhisperer_lsp.model.registry import ModelSpec, default_model, get_model

log = logging.getLogger(__name__)

BUILD_HINT = ("Build it with `codewhisperer-lsp model build` (or run the README's set-up command); "
              "the server picks the new build up by itself, or at once with the command codewhisperer.reloadModel.")
RETRY_SECONDS = 30.0


class ModelUnavailable(Exception):
    pass


@dataclass(frozen=True)
class EngineStatus:
    state: str  # "loading" | "ready" | "failing"
    message: str
    model: str
    device: str


def locate(model: str, model_path: str, device: str) -> tuple[ModelSpec, artifacts.ModelFolder]:
    spec = get_model(model or default_model())
    if model_path:
        return spec, artifacts.verify_user_folder(Path(model_path).expanduser())
    targets = ["cuda", "cpu"] if device in ("auto", "cuda") else ["cpu"]
    last_error = None
    for target in targets:
        folder = artifacts.build_dir(spec.name, target)
        if target == "cuda" and not folder.exists():
            continue
        try:
            return spec, artifacts.verify(folder, BUILD_HINT)
        except artifacts.ArtifactError as exc:
            last_error = exc
    raise last_error or artifacts.ArtifactError(BUILD_HINT)


class ModelEngine:
    def __init__(self, on_status: Callable[[EngineStatus], None] = lambda status: None):
        self._on_status = on_status
        self._lock = threading.Lock()
        self._generator = None
        self._spec: ModelSpec | None = None
        self._status = EngineStatus("loading", "", "", "")
        self._config: tuple[str, str, str, int] | None = None
        self._failed_at = 0.0
        self._failed_files: tuple = ()
        self._loading: threading.Thread | None = None
        self._load_lock = threading.Lock()

    @property
    def status(self) -> EngineStatus:
        return self._status

    @property
    def spec(self) -> ModelSpec | None:
        return self._spec

    def configure(self, model: str, model_path: str, device: str, threads: int) -> None:
        """(Re)load when the model settings change; a no-op otherwise."""
        config = (model, model_path, device, threads)
        if config != self._config:
            self._config = config
            self.load_async()

    def reload(self, timeout: float | None = None) -> EngineStatus:
        """Load the model again now (after a rebuild) and wait for the outcome."""
        self.load_async()
        return self.wait(timeout)

    def load_async(self) -> threading.Thread:
        thread = threading.Thread(target=self._load, name="model-load", daemon=True)
        self._loading = thread
        thread.start()
        return thread

    def wait(self, timeout: float | None = None) -> EngineStatus:
        if self._loading:
            self._loading.join(timeout)
        return self._status

    def _set(self, status: EngineStatus) -> None:
        self._status = status
        self._on_status(status)

    def _load(self) -> None:
        with self._load_lock:  # one load at a time; the last one asked for wins
            self._load_once()

    def _load_once(self) -> None:
        from codewhisperer_lsp.model.runtime import OnnxGenerator

        model, model_path, device, threads = self._config or ("", "", "auto", 0)
        self._set(EngineStatus("loading", "loading the model", model or default_model(), device))
        try:
            spec, folder = locate(model, model_path, device)
            generator = OnnxGenerator(folder.path, device, threads)
        except Exception as exc:  # any failure must leave a clear state, not a dead server
            log.error("model unavailable: %s", exc)
            self._failed_at = time.monotonic()
            self._failed_files = self._model_files()
            self._set(EngineStatus("failing", str(exc), model or default_model(), device))
            return
        with self._lock:
            self._generator, self._spec = generator, spec
        self._set(EngineStatus("ready", f"{spec.display_name} on {generator.provider} "
                               f"(loaded in {generator.load_s:.1f} s)", spec.name, generator.provider))

    def generator(self):
        """The loaded generator, or ModelUnavailable with the reason. A failed load is retried
        now and then, so a model rebuilt while the server runs is picked up."""
        with self._lock:
            generator = self._generator
        if generator is not None:
            return generator
        if self._status.state == "failing" and self._worth_retrying():
            self._failed_at = time.monotonic()
            self._failed_files = self._model_files()
            self.load_async()
        raise ModelUnavailable(self._status.message or "the model is still loading")

    def _worth_retrying(self) -> bool:
        if self._loading is not None and self._loading.is_alive():
            return False
        return time.monotonic() - self._failed_at > RETRY_SECONDS or self._model_files() != self._failed_files

    def _model_files(self) -> tuple:
        """A cheap signature (names, sizes, times) of the folders a load would read: when it changes
        (a rebuild, a repaired file) the next request loads again without waiting for the retry."""
        model, model_path, device, _ = self._config or ("", "", "auto", 0)
        try:
            name = get_model(model or default_model()).name
        except (KeyError, OSError, ValueError):
            return ()
        folders = [Path(model_path).expanduser()] if model_path else \
            [artifacts.build_dir(name, target) for target in ("cuda", "cpu")]
        signature = []
        for folder in folders:
            try:
                with os.scandir(folder) as entries:
                    for entry in entries:
                        stat = entry.stat()
                        signature.append((entry.path, stat.st_size, stat.st_mtime_ns, stat.st_ino))
            except OSError:
                signature.append((str(folder), None))
        return tuple(sorted(signature, key=str))
