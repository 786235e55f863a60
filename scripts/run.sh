#!/usr/bin/env bash
# The README's run command: installs what is missing, builds, and runs the demo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh release
exec bash scripts/demo.sh "$@"
