#!/usr/bin/env bash
# The README's test command, and CI's (.ci/run). Installs what is missing, then runs each step,
# the cheapest failure first:
#   format   every C++ file as .clang-format says (scripts/check-format.sh)
#   release  the release build, every CTest test (extra arguments go to this ctest), then the
#            .deb built, installed, used and removed (installer/tests/deb-test.sh, as root only)
#   asan     the asan preset: a Debug build (assertions on, warnings are errors) with the address
#            and undefined-behaviour sanitizers, and the suites labelled "unit" run under them;
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
    step "asan: the unit and scenario suites"
    # The suites labelled "unit" (tests/{common,identity,replication,client}: the model, the store,
    # the codecs, identities, merge and sessions, the client's application layer and its syncs with
    # an in-process server over TLS); the server's and the GUI's suites run in the release step
    # only, to keep CI within its time on 2 cores (CONTRIBUTING.md, "What CI runs"). The
    # convergence property test runs 200 random schedules here (2,000 in the release step).
    # The asan test preset sets ASAN_OPTIONS, UBSAN_OPTIONS and LSAN_OPTIONS (CMakePresets.json):
    # any sanitizer report fails its test.
    SEN_SCHEDULES=200 QT_QPA_PLATFORM=offscreen ctest --preset asan --parallel "$jobs" -L unit
fi
step done
