"""Built model folders in the cache: where they live, and whether one is complete and intact.

A build is written to a temporary folder and renamed into place only once its manifest
(sha256 of every file) is written, so an interrupted build is never taken for a good one.
Before a model is loaded every file is checked against the manifest.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from codewhisperer_lsp.paths import cache_dir

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
REQUIRED = ("model.onnx", "genai_config.json", "tokenizer.json")
ROWS_GRAPH = "model.rows.onnx"  # the export's graph with a `logits_from` input (models/logit_rows.py), where built


def has_rows_graph(folder: Path) -> bool:
    return (folder / ROWS_GRAPH).is_file()


def graph_file(folder: Path) -> Path:
    """The graph the runtime loads: the one with the `logits_from` input where it was built."""
    return folder / (ROWS_GRAPH if has_rows_graph(folder) else "model.onnx")


class ArtifactError(Exception):
    """A model folder is missing, incomplete or damaged; the message says how to fix it."""


@dataclass(frozen=True)
class ModelFolder:
    path: Path
    manifest: dict

    @property
    def model_sha256(self) -> str:
        return self.manifest.get("files", {}).get("model.onnx.data") or self.manifest.get("files", {}).get("model.onnx", "")


def sha256_file(path: Path, chunk: int = 1 << 22) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def build_dir(model: str, target: str, root: Path | None = None) -> Path:
    return (root or cache_dir()) / "models" / f"{model}-{target}"


def build_candidates(model: str, device: str, root: Path | None = None) -> list[Path]:
    """The builds the engine tries for `model` with the `device` setting, in order: the CUDA build
    where the setting allows a GPU and that build is there, then the CPU build (there or not)."""
    folders = []
    if device in ("auto", "cuda"):
        cuda = build_dir(model, "cuda", root)
        if cuda.exists():
            folders.append(cuda)
    return folders + [build_dir(model, "cpu", root)]


def write_manifest(folder: Path, info: dict) -> dict:
    files = {p.name: sha256_file(p) for p in sorted(folder.iterdir()) if p.is_file() and p.name != MANIFEST}
    manifest = {**info, "files": files}
    tmp = folder / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, indent=2))
    os.replace(tmp, folder / MANIFEST)
    return manifest


def annotate(folder: Path, **fields) -> dict:
    """Add `fields` to a folder's manifest (the file hashes stay as they are)."""
    path = folder / MANIFEST
    manifest = {**json.loads(path.read_text()), **fields}
    tmp = folder / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, indent=2))
    os.replace(tmp, path)
    return manifest


def verify(folder: Path, fix_hint: str) -> ModelFolder:
    """Check a model folder against its manifest; raise ArtifactError with `fix_hint` if it fails."""
    manifest_path = folder / MANIFEST
    if not folder.is_dir() or not manifest_path.is_file():
        raise ArtifactError(f"no built model at {folder}. {fix_hint}")
    try:
        manifest = json.loads(manifest_path.read_text())
    except (OSError, ValueError) as exc:
        raise ArtifactError(f"the manifest of {folder} is unreadable ({exc}). {fix_hint}") from exc
    files = manifest.get("files", {})
    for name in REQUIRED:
        if name not in files:
            raise ArtifactError(f"{folder} lacks {name}. {fix_hint}")
    for name, expected in files.items():
        path = folder / name
        if not path.is_file():
            raise ArtifactError(f"{path} is missing. {fix_hint}")
        if sha256_file(path) != expected:
            raise ArtifactError(f"{path} does not match its recorded sha256 (damaged or truncated). {fix_hint}")
    return ModelFolder(folder, manifest)


def verify_user_folder(folder: Path) -> ModelFolder:
    """A folder the user exported themselves: needs the files, hashes only if it has a manifest."""
    if (folder / MANIFEST).is_file():
        log.info("model folder %s is your own export: no behavioural reference, loaded as it is", folder)
        return verify(folder, "Re-export the model or remove its manifest.json.")
    missing = [name for name in REQUIRED if not (folder / name).is_file()]
    if missing:
        raise ArtifactError(f"the model folder {folder} lacks {', '.join(missing)} "
                            "(expected an onnxruntime-genai export: model.onnx, genai_config.json, tokenizer.json)")
    log.warning("model folder %s has no manifest.json: loading it without a hash check, and unchecked by "
                "behaviour (a model of your own has no recorded reference)", folder)
    return ModelFolder(folder, {"files": {}})
