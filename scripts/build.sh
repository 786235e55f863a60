#!/usr/bin/env bash
# Configures and builds Sen in build/<preset> (default: release).
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-release}"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" --parallel "$(nproc 2>/dev/null || echo 2)"
