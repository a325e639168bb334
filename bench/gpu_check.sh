#!/usr/bin/env bash
# The GPU check in one go, for a machine that may reach no package registry.
#
#   bench/gpu_check.sh WHEELS_DIR MODELS_DIR
#
# WHEELS_DIR  wheels to install offline: onnxruntime-gpu==1.31.1 and its dependencies, the CUDA and
#             cuDNN runtime wheels it loads (nvidia-*-cu12), and this project's dependencies
#             (make it on a connected machine with
#               pip download -d WHEELS_DIR onnxruntime-gpu==1.31.1 'nvidia-cudnn-cu12<10' \
#                 'nvidia-cuda-runtime-cu12' 'nvidia-cublas-cu12' 'nvidia-cufft-cu12' 'nvidia-curand-cu12' \
#                 setuptools . pytest==9.2.0 pytest-timeout==2.4.0)
# MODELS_DIR  built model folders named like the cache's models/ folder:
#             qwen2.5-coder-0.5b-instruct-cuda (from `codewhisperer-lsp model build --target cuda`)
#             and optionally qwen2.5-coder-1.5b-instruct-cuda (fp16 activations and cache). Without a
#             *-cuda folder the *-cpu builds are used: they run, but their fp32 attention falls back
#             to the CPU provider, so their figures say little about the GPU.
#
# Prints: the providers ONNX Runtime offers, the GPU model tests (IO binding with the cache on the
# device, exact greedy and speculative decoding), then the speed benchmark on CUDA.
set -euo pipefail
cd "$(dirname "$0")/.."

wheels="${1:?usage: bench/gpu_check.sh WHEELS_DIR MODELS_DIR}"
models="${2:?usage: bench/gpu_check.sh WHEELS_DIR MODELS_DIR}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv

python3 -m venv "$work/venv"
py="$work/venv/bin/python"
"$py" -m pip install --quiet --no-index --find-links "$wheels" setuptools onnxruntime-gpu==1.31.1 pytest pytest-timeout
"$py" -m pip install --quiet --no-index --find-links "$wheels" --no-build-isolation -e .
"$py" -m pip uninstall --quiet --yes onnxruntime 2>/dev/null || true  # the CPU package would shadow the GPU one
"$py" -m pip install --quiet --no-index --find-links "$wheels" --force-reinstall --no-deps onnxruntime-gpu==1.31.1

# the cache layout the project expects: CACHE/models/<name>-<target>
mkdir -p "$work/cache/models"
for folder in "$models"/*/; do
  ln -s "$(cd "$folder" && pwd)" "$work/cache/models/$(basename "$folder")"
done
export CODEWHISPERER_CACHE_DIR="$work/cache"
target=cuda
[[ -d "$work/cache/models/qwen2.5-coder-0.5b-instruct-cuda" ]] || target=cpu
export CODEWHISPERER_MODEL_TARGET="$target" CODEWHISPERER_MODEL_DEVICE=cuda

"$py" - <<'EOF'
import onnxruntime as ort
print("onnxruntime", ort.__version__, "providers:", ort.get_available_providers())
assert "CUDAExecutionProvider" in ort.get_available_providers(), "no CUDA provider: check the CUDA/cuDNN wheels"
EOF

echo "== GPU model tests (build: $target, device: cuda)"
"$py" -m pytest tests/unit/model -q -p no:cacheprovider --durations=5

echo "== speed benchmark on CUDA"
"$py" bench/speed_bench.py --device cuda --target "$target" --skip-genai --skip-keystrokes
