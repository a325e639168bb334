#!/usr/bin/env bash
# One entry point for a fresh machine: sets up everything the project needs, then runs a job.
#   ./dev.sh demo   set up, build the default model (once), and drive the server like an editor
#   ./dev.sh test   set up, build the default model (once), and run the whole test suite
# Set-up is idempotent: a second run only checks what is already there.
set -euo pipefail
cd "$(dirname "$0")"

job="${1:-demo}"
shift || true

pick_python() {
  for candidate in python3.11 python3.12 python3; do
    if command -v "$candidate" >/dev/null 2>&1; then
      if "$candidate" -c 'import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] <= (3, 12) else 1)'; then
        echo "$candidate"; return 0
      fi
    fi
  done
  echo "Python 3.11 or 3.12 is required" >&2; return 1
}

setup_venv() {
  local stamp=.venv/.installed
  local want
  want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
  if [[ -x .venv/bin/python && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    return 0
  fi
  echo "[setup] creating .venv and installing codewhisperer-lsp" >&2
  [[ -x .venv/bin/python ]] || "$(pick_python)" -m venv .venv
  .venv/bin/python -m pip install --quiet --upgrade pip >&2
  .venv/bin/python -m pip install --quiet -e '.[cpu,test,postgres]' >&2
  echo "$want" > "$stamp"
}

setup_model() {
  .venv/bin/codewhisperer-lsp model build >&2
}

setup_references() {
  # The licensed-code index, so that the first start already checks suggestions against it
  # (incremental: a second run only looks whether anything changed).
  .venv/bin/codewhisperer-lsp references build >&2
}

setup_postgres() {
  # Debian's PostgreSQL server binaries, for the tests that start a throwaway cluster (tests/e2e/pg_cluster.py).
  if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    return 0
  fi
  if [[ "$(id -u)" != 0 ]]; then
    echo "[setup] PostgreSQL is missing and installing it needs root: apt-get install postgresql" >&2; return 0
  fi
  echo "[setup] installing PostgreSQL from Debian's packages" >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql; } >&2 \
    || echo "[setup] PostgreSQL could not be installed; its tests will say so" >&2
}

setup_large_model() {
  # The better model, for the tests of speculative decoding with the default model as its draft.
  .venv/bin/codewhisperer-lsp model build --name qwen2.5-coder-1.5b-instruct >&2
}

setup_scanners() {
  # semgrep with its rule packs, in its own environment (optional: the other engines run without it).
  .venv/bin/python -m codewhisperer_lsp.security.setup >&2 || echo "[setup] semgrep unavailable; other scanners still run" >&2
}

setup_test_tools() {
  # Real editors for the client tests; skipped quietly when not root (the tests then say what is missing).
  if [[ -x editors/setup-test-tools.sh ]]; then
    editors/setup-test-tools.sh >&2 || echo "[setup] editor test tools could not be installed" >&2
  fi
}

setup_bench_toolchains() {
  # The compilers and runtimes that run humaneval-x's tests in bench/infill_bench.py (not needed by
  # the test suite): Go and the testify package its Go tests import, from Debian's packages; the
  # others (g++, javac, node, rustc) are reported when missing.
  for tool in g++ javac java node rustc; do
    command -v "$tool" >/dev/null || echo "[setup] $tool is missing: the bench counts its language's tests as not run" >&2
  done
  if command -v go >/dev/null && [[ -d /usr/share/gocode/src/github.com/stretchr/testify ]]; then
    return 0
  fi
  if [[ "$(id -u)" != 0 ]]; then
    echo "[setup] Go is missing and installing it needs root: apt-get install golang-go golang-github-stretchr-testify-dev" >&2; return 0
  fi
  echo "[setup] installing Go and testify from Debian's packages" >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      golang-go golang-github-stretchr-testify-dev; } >&2 \
    || echo "[setup] Go could not be installed; the bench counts Go's tests as not run" >&2
}

setup_venv
setup_model
setup_references
setup_scanners

case "$job" in
  demo)
    exec .venv/bin/codewhisperer-lsp demo "$@"
    ;;
  test)
    setup_test_tools
    setup_postgres
    setup_large_model
    bench/setup_peers.sh || echo "[setup] llama.cpp's server could not be built; the remote-engine test will say so" >&2
    exec .venv/bin/python -m pytest "$@"
    ;;
  setup)
    ;;
  bench-setup)
    setup_bench_toolchains
    ;;
  *)
    echo "usage: ./dev.sh demo|test|setup|bench-setup" >&2; exit 2
    ;;
esac
