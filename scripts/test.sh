#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
preset="${SEN_PRESET:-release}"
bash scripts/build.sh "$preset"
export QT_QPA_PLATFORM=offscreen
ctest --preset "$preset" --parallel "$(nproc 2>/dev/null || echo 2)" "$@"
# The .deb built, installed, used and removed (installer/tests/deb-test.sh): from the release
# build, as root only (as in CI); elsewhere it says it skipped.
if [ "$preset" = release ]; then
    bash installer/tests/deb-test.sh
fi
