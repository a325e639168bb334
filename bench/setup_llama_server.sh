#!/usr/bin/env bash
# llama.cpp's native `llama-server`, the peer of bench/replay_bench.py, built from the llama.cpp tree
# inside the same llama-cpp-python sdist as bench/setup_peers.sh, into the cache folder (never into
# .venv): $cache/llama-server/bin/llama-server. CPU-only, portable (GGML_NATIVE off, AVX2/FMA on;
# AMX off where the compiler would otherwise emit it). Idempotent; compiles once (long on 2 cores).
set -euo pipefail
cache="${CODEWHISPERER_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/codewhisperer-lsp}"
version="0.3.36"
out="$cache/llama-server"
if [[ -x "$out/bin/llama-server" && "$(cat "$out/.installed" 2>/dev/null)" == "$version" ]]; then
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "[peers] building llama-server from llama-cpp-python $version's sdist into $out" >&2
python_bin="$(command -v python3.11 || command -v python3.12 || command -v python3)"
"$python_bin" -m pip download --quiet --no-binary :all: --no-deps "llama-cpp-python==$version" -d "$work" >&2
tar xzf "$work/llama_cpp_python-$version.tar.gz" -C "$work"
src="$work/llama_cpp_python-$version/vendor/llama.cpp"
flags=""
if grep -q amx /proc/cpuinfo 2>/dev/null; then
  flags="-mno-amx-tile -mno-amx-int8 -mno-amx-bf16"
fi
cmake -S "$src" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON \
  -DGGML_F16C=ON -DBUILD_SHARED_LIBS=OFF -DLLAMA_CURL=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF \
  -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" >&2
cmake --build "$work/build" --target llama-server -j"$(nproc)" >&2
mkdir -p "$out/bin"
cp "$work/build/bin/llama-server" "$out/bin/"
echo "$version" > "$out/.installed"
