#!/usr/bin/env bash
# The peer engines that the remote-engine test and the speed benchmark measure against, in an
# environment of their own in the cache folder (never in .venv): llama.cpp's server through
# llama-cpp-python, compiled from its pinned sdist (a few minutes, once). Idempotent.
set -euo pipefail
cache="${CODEWHISPERER_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/codewhisperer-lsp}"
env_dir="$cache/llama-env"
want="llama-cpp-python[server]==0.3.36"
if [[ -x "$env_dir/bin/python" && "$(cat "$env_dir/.installed" 2>/dev/null)" == "$want" ]]; then
  exit 0
fi
echo "[peers] building $want into $env_dir (compiles llama.cpp; a few minutes, once)" >&2
python_bin="$(command -v python3.11 || command -v python3.12 || command -v python3)"
"$python_bin" -m venv "$env_dir"
"$env_dir/bin/python" -m pip install --quiet --upgrade pip >&2
CMAKE_BUILD_PARALLEL_LEVEL="$(nproc)" "$env_dir/bin/python" -m pip install --quiet --no-binary llama-cpp-python "$want" >&2
echo "$want" > "$env_dir/.installed"
