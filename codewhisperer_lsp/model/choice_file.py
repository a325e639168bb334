"""The model chosen for this machine, remembered in `choice.json` next to the builds.

`codewhisperer-lsp model choose` (choose_model.py, above the model package) measures the built
models (timing.py) and stores its decision here; the engine reads it when the `model` setting is
empty. The engine never measures itself, since a measurement would compete with the user's typing
for the cores.

The file counts only while it describes this machine and these builds: the CPU, the ONNX Runtime
providers and version, the device the engine would use, and each build's manifest. A changed
machine or a rebuilt model makes it stale, and the registry's default applies until it is
measured again.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from codewhisperer_lsp.model import artifacts
from codewhisperer_lsp.model.registry import default_model, model_names
from codewhisperer_lsp.model.selection import TARGET_MS, Measurement, best_first, choose_default, explain
from codewhisperer_lsp.paths import cache_dir

log = logging.getLogger(__name__)

CHOICE_FILE = "choice.json"
VERSION = 1


class ChoiceError(Exception):
    """The choice file is unreadable or not a choice."""



@dataclass(frozen=True)
class Resolved:
    """The model the engine loads when the `model` setting is empty, and why."""
    model: str
    note: str  # for the status message: "chosen for this machine: ..." or why the registry's default
    chosen: bool  # True when it comes from a valid choice file


def choice_path(root: Path | None = None) -> Path:
    return (root or cache_dir()) / "models" / CHOICE_FILE


# --- the machine and the builds a measurement depends on ---

def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if line.startswith(("model name", "Model", "Hardware")):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    import platform

    return platform.processor() or platform.machine()


def machine() -> dict:
    """What a measurement depends on besides the builds; a choice from another machine is stale."""
    import onnxruntime as ort

    return {"cpu_count": os.cpu_count() or 1, "cpu": _cpu_model(),
            "providers": list(ort.get_available_providers()), "onnxruntime": ort.__version__}


def effective_device(device: str, providers: list[str]) -> str:
    """The device the engine's sessions ask for with the `device` setting on this machine."""
    return "cuda" if device in ("auto", "cuda") and "CUDAExecutionProvider" in providers else "cpu"


def _build_folder(name: str, device: str, root: Path | None) -> Path | None:
    """The build the engine would load for `name` (in the order engine.locate tries them), if one is there."""
    for folder in artifacts.build_candidates(name, device, root):
        if (folder / artifacts.MANIFEST).is_file():
            return folder
    return None


def builds(device: str = "auto", root: Path | None = None) -> dict[str, str]:
    """{model: "target:sha256 of its manifest"} for every registered model with a build: cheap
    (the manifest holds every file's hash, so a rebuild changes it) and enough to see a change."""
    found = {}
    for name in model_names():
        folder = _build_folder(name, device, root)
        if folder is None:
            continue
        try:
            digest = hashlib.sha256((folder / artifacts.MANIFEST).read_bytes()).hexdigest()
        except OSError:
            continue
        found[name] = f"{folder.name.rsplit('-', 1)[-1]}:{digest}"
    return found


# --- reading and writing the file ---

def read_choice(path: Path | None = None) -> dict | None:
    """The stored choice, None when there is none; ChoiceError when it is there but unusable."""
    path = path or choice_path()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ChoiceError(f"{path} is unreadable ({exc})") from exc
    try:
        choice = json.loads(raw)
    except ValueError as exc:
        raise ChoiceError(f"{path} is not JSON ({exc})") from exc
    if not (isinstance(choice, dict) and choice.get("version") == VERSION
            and isinstance(choice.get("model"), str) and isinstance(choice.get("reason"), str)
            and isinstance(choice.get("machine"), dict) and isinstance(choice.get("models"), dict)
            and isinstance(choice.get("measurements"), list)):
        raise ChoiceError(f"{path} is not a model choice of this version")
    return choice


def write_choice(choice: dict, path: Path | None = None) -> Path:
    """Atomically (temp file, then rename) and readable by the user alone."""
    path = path or choice_path()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{CHOICE_FILE}-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(choice, handle, indent=2, ensure_ascii=False)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def stale_because(choice: dict, device: str = "auto", root: Path | None = None) -> str | None:
    """Why a stored choice does not apply here and now, or None when it does."""
    here = machine()
    if choice.get("machine") != here:
        return "it was measured on another machine or ONNX Runtime"
    runs_on = effective_device(device, here["providers"])
    if choice.get("device") != runs_on:
        return f"it was measured on {choice.get('device')}, the engine runs on {runs_on}"
    if choice.get("models") != builds(device, root):
        return "the models were built again (or others built) since it was measured"
    if choice["model"] not in model_names():
        return f"{choice['model']} is no longer registered"
    return None


def resolve_default(device: str = "auto", root: Path | None = None) -> Resolved:
    """The model for an empty `model` setting: the stored choice when it matches this machine and
    the current builds, otherwise the registry's default. Never measures; never raises."""
    fallback = default_model()
    try:
        choice = read_choice(choice_path(root))
        if choice is None:
            return Resolved(fallback, "the registry's default: not measured on this machine "
                                      "(codewhisperer-lsp model choose)", False)
        why = stale_because(choice, device, root)
    except Exception as exc:  # a bad choice file must never stop the engine
        log.warning("ignoring the stored model choice: %s", exc)
        return Resolved(fallback, "the registry's default: the stored choice is unreadable", False)
    if why:
        log.info("the stored model choice does not apply: %s", why)
        return Resolved(fallback, f"the registry's default: the stored choice is stale ({why})", False)
    return Resolved(choice["model"], f"chosen for this machine: {choice['reason']}", True)


def draft_wanted(model: str, device: str = "auto", root: Path | None = None) -> bool | None:
    """Whether `model` should draft with the small model on this machine, from the stored
    measurements (True/False: the faster way measured here); None when not measured here."""
    try:
        choice = read_choice(choice_path(root))
        if choice is None or stale_because(choice, device, root) is not None:
            return None
        times = {bool(m.get("draft")): m["p50_ms"] for m in choice["measurements"] if m.get("model") == model}
    except Exception as exc:  # a bad choice file must never stop the engine
        log.warning("ignoring the stored model measurements: %s", exc)
        return None
    if len(times) < 2:
        return None
    return times[True] < times[False]


def decide(measurements: list[Measurement], device: str, target_ms: float = TARGET_MS,
           root: Path | None = None) -> dict:
    """The choice record for `measurements` taken on this machine."""
    order = best_first([m.model for m in measurements])
    chosen = choose_default(measurements, order, target_ms)
    here = machine()
    return {
        "version": VERSION,
        "model": chosen.model,
        "reason": explain(measurements, chosen, order, target_ms),
        "targetMs": target_ms,
        "device": effective_device(device, here["providers"]),
        "measurements": [asdict(m) for m in measurements],
        "machine": here,
        "models": builds(device, root),
        "measuredAt": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
    }
