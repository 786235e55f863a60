#!/usr/bin/env bash
# The README's test command, and CI's (.ci/run). Installs what is missing, then runs each step,
# the cheapest failure first:
#   format   every C++ file as .clang-format says (scripts/check-format.sh)
#   release  the release build, every CTest test (extra arguments go to this ctest), then the
#            .deb built, installed, used and removed (installer/tests/deb-test.sh, as root only)
#   asan     the asan preset: a Debug build (assertions on, warnings are errors) with the address
#            and undefined-behaviour sanitizers, and the unit and scenario suites run under them;
#            any sanitizer report fails its test (the environment of the asan test preset)
# CONTRIBUTING.md ("What CI runs") says how long each step takes. CI runs every step; a developer
# may skip some with SEN_SKIP_FORMAT=1, SEN_SKIP_RELEASE=1, SEN_SKIP_ASAN=1, and build and test
# another preset than release in the second step with SEN_PRESET=dev.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="$(nproc 2>/dev/null || echo 2)"

step() { echo "== test.sh: $* ($(date +%H:%M:%S))"; }

bash scripts/install-deps.sh

if [ "${SEN_SKIP_FORMAT:-0}" != 1 ]; then
    step format
    bash scripts/check-format.sh
fi

preset="${SEN_PRESET:-release}"
if [ "${SEN_SKIP_RELEASE:-0}" != 1 ]; then
    step "$preset: build"
    bash scripts/build.sh "$preset"
    step "$preset: tests"
    QT_QPA_PLATFORM=offscreen ctest --preset "$preset" --parallel "$jobs" "$@"
    # From the release build, as root only (as in CI); elsewhere it says it skipped.
    if [ "$preset" = release ]; then
        step "$preset: .deb"
        bash installer/tests/deb-test.sh
    fi
fi

if [ "${SEN_SKIP_ASAN:-0}" != 1 ] && [ "$preset" != asan ]; then
    step "asan: build"
    bash scripts/build.sh asan
    step "asan: unit and scenario suites"
    # Every Catch2 case and the bounded fuzz run; not the checks that run no Sen code (the
    # translation catalogues against lupdate, the include paths), which the release step ran.
    # The asan test preset sets ASAN_OPTIONS, UBSAN_OPTIONS and LSAN_OPTIONS (CMakePresets.json).
    # One case bounds the peak resident memory of the process; ASan keeps up to 256 MiB of freed
    # memory in quarantine (to catch use after free), which that peak then counts. It runs on
    # its own with a 16 MiB quarantine (every other check on).
    memory_case='Hostile peer: a burst of compressed frames is decompressed one frame at a time'
    # Left to the release step: four documents with 100,000-entry version vectors pulled over
    # TLS; under ASan it took over 480 s on a loaded machine and its sync ran out of time.
    slow_case='Any database that can be stored can be replicated: documents with very long vectors'
    # The convergence property test runs 200 random schedules here (2,000 in the release step),
    # and the demo's clean-up test (processes of the release build) only there.
    SEN_SCHEDULES=200 QT_QPA_PLATFORM=offscreen ctest --preset asan --parallel "$jobs" \
        -E "^(translations_.*|include_layers|demo_cleanup|$memory_case|$slow_case)\$"
    step "asan: the memory-bound case with a small quarantine"
    asan_options=$(sed -n 's/.*"ASAN_OPTIONS": "\([^"]*\)".*/\1/p' CMakePresets.json)
    ubsan_options=$(sed -n 's/.*"UBSAN_OPTIONS": "\([^"]*\)".*/\1/p' CMakePresets.json)
    ASAN_OPTIONS="$asan_options:quarantine_size_mb=16" UBSAN_OPTIONS="$ubsan_options" \
        build/asan/bin/sen_server_tests "$memory_case"
fi
step done
