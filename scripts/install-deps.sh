#!/usr/bin/env bash
# Installs the Debian 12 packages Sen builds and tests with, skipping the ones already there.
# Runs as root, or through sudo when it is available.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6opengl6-dev
    qt6-pdf-dev # Qt PDF: attachments shown in sen, their text layer indexed (client/pdf)
    # Qt HTTP Server: sen-server's intranet site (server/web); its CMake package needs the
    # WebSockets one, which Debian 12's qt6-httpserver-dev does not pull in.
    qt6-httpserver-dev qt6-websockets-dev
    libxml2-dev # the site's HTML sanitiser parses article bodies with libxml2's HTML parser
    chromium # tests: the site rendered and screenshotted in headless Chromium
    libsqlite3-dev libbotan-2-dev libzstd-dev catch2
    libsodium-dev # the ID file's Argon2id in SIMD code (common/crypto/Argon2id.cpp)
    libical-dev # the weekly schedule as iCalendar (common/schedule/ICalendar.cpp)
    python3-icalendar # tests: the exported .ics parsed by another implementation
    python3-feedparser # tests: the exported Atom feed parsed by another implementation
    clang-format # scripts/check-format.sh: Debian 12's clang-format 14
    fonts-dejavu-core poppler-utils
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
