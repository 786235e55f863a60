#!/usr/bin/env bash
# Checks that every C++ source (*.h, *.cpp) is formatted as the repository's .clang-format says,
# with Debian 12's clang-format 14 (other versions format some constructs differently).
# Lists the files to fix and exits non-zero; fix them with `clang-format -i <file>`.
# Works in a git checkout (the tracked files) and in a plain copy of the sources (no .git).
set -euo pipefail
cd "$(dirname "$0")/.."

clang_format=$(command -v clang-format-14 || command -v clang-format || true)
[ -n "$clang_format" ] || { echo "check-format: clang-format not found (scripts/install-deps.sh installs it)" >&2; exit 1; }

if command -v git >/dev/null && git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    list_sources() { git ls-files -z --cached --others --exclude-standard -- '*.h' '*.cpp'; }
else
    # Everything but build trees and tool caches (as .gitignore).
    list_sources() {
        find . \( -path ./.git -o -path ./build -o -path './build-*' -o -path ./demo-home -o -path ./.cache \) -prune \
            -o -type f \( -name '*.h' -o -name '*.cpp' \) -printf '%P\0'
    }
fi

# --dry-run -Werror: a file that would change is an error, reported at each place it differs.
if ! report=$(list_sources | xargs -0 "$clang_format" --dry-run -Werror 2>&1); then
    printf '%s\n' "$report" | head -n 40 >&2
    echo "check-format: not formatted as .clang-format says (fix with clang-format -i):" >&2
    printf '%s\n' "$report" | grep -oE '^[^ :]+\.(h|cpp):[0-9]+:[0-9]+: error' | cut -d: -f1 | sort -u | sed 's/^/  /' >&2
    exit 1
fi
echo "check-format: $(list_sources | tr -cd '\0' | wc -c) files formatted as .clang-format says ($("$clang_format" --version | grep -o 'version [0-9.]*'))"
