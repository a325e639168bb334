"""Choose the ONNX Runtime execution provider, and tell which one really runs.

`auto` asks for CUDA when onnxruntime offers it, then checks the created session's providers:
an available provider that failed to initialise silently falls back to the CPU otherwise.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)

CUDA = "CUDAExecutionProvider"
CPU = "CPUExecutionProvider"
SPIN = os.environ.get("CODEWHISPERER_ORT_SPIN", "0")  # "1": ONNX Runtime's default (spin), for measuring


def available_providers() -> list[str]:
    import onnxruntime as ort

    return list(ort.get_available_providers())


def create_session(model: Path, device: str = "auto", threads: int = 0):
    """Returns (session, provider actually in use). Raises RuntimeError if `cuda` was demanded but
    the session does not run on it."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads or max(1, os.cpu_count() or 1)
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    want_cuda = device in ("auto", "cuda") and CUDA in available_providers()
    if device == "cuda" and not want_cuda:
        raise RuntimeError("device 'cuda' requested but onnxruntime offers no CUDA provider "
                           "(install the [gpu] extra, onnxruntime-gpu, instead of [cpu])")
    providers = [CUDA, CPU] if want_cuda else [CPU]
    if not want_cuda:
        # Idle worker threads sleep instead of spinning: on a machine where the editor, a build or
        # another job shares the cores, spinning takes CPU they need (and the server's own event
        # loop). Same run, 500-token prompts + 24 tokens, 6 pairs on a busy 2-core machine: 0.79-0.90x
        # the time (docs/SPEED.md).
        options.add_session_config_entry("session.intra_op.allow_spinning", SPIN)
    session = ort.InferenceSession(str(model), sess_options=options, providers=providers)
    in_use = session.get_providers()[0]
    if device == "cuda" and in_use != CUDA:
        raise RuntimeError(f"device 'cuda' requested but the session runs on {in_use}")
    if want_cuda and in_use != CUDA:
        log.warning("CUDA is available but the session fell back to %s", in_use)
    log.info("ONNX Runtime session on %s (%d threads)", in_use, options.intra_op_num_threads)
    return session, in_use
