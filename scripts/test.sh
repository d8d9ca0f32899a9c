#!/usr/bin/env bash
# The one test command: installs what the tests need (scripts/setup-test-env.sh), builds, and runs every
# test (unit, end-to-end through the binary, CPython oracle comparison, real-editor tests).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-test-env.sh
export RC_LSP_VENV="$PWD/.venv"
swift build --product rc-lsp
swift test --disable-swift-testing "$@"
