#!/usr/bin/env bash
# The .deb end to end (issue #6): build it with cpack from the release build, install it with
# dpkg, initialise a server data directory under /var/lib/sen with the installed sen-server as
# the sen user, run the daemon (directly: CI has no systemd), replicate a document to it with
# the installed senctl and back into a second workspace, then reinstall, remove and purge the
# package and check that the data directory stays untouched each time.
#
# Needs root (it installs a package and runs programs as the sen user); skips otherwise.
# Refuses to run where a sen package is already installed (it would remove it). Whatever
# happens, it stops the server, purges the package and removes its own test data; it leaves
# the sen user and /var/lib/sen (if it held anything else), as Debian does.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ "$(id -u)" -ne 0 ]; then
    echo "deb-test: skipped: needs root (it installs and removes the sen package)"
    exit 0
fi
if dpkg-query -W -f='${Status}' sen 2>/dev/null | grep -q "installed"; then
    echo "deb-test: skipped: a sen package is already installed here, and this test would remove it"
    exit 0
fi

preset="${SEN_PRESET:-release}"
build="build/$preset"
[ -f "$build/CPackConfig.cmake" ] || { echo "deb-test: $build is not configured (run scripts/build.sh $preset)" >&2; exit 1; }

work=$(mktemp -d /tmp/sen-deb-test.XXXXXX)
chmod 0755 "$work" # the sen user reads the server's output file here
test_root=/var/lib/sen/deb-test # ours alone: the IT centre's data lives in /var/lib/sen/server
lib_existed=no
[ -e /var/lib/sen ] && lib_existed=yes
server_pid=""

cleanup() {
    local status=$?
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    if dpkg-query -W -f='${Status}' sen 2>/dev/null | grep -qv "not-installed"; then
        dpkg -P sen >/dev/null 2>&1 || true
    fi
    rm -rf "$test_root" "$work"
    # /var/lib/sen made by this test's install, and now empty: gone again. rmdir fails on
    # anything else, which is then not ours to remove.
    if [ "$lib_existed" = no ]; then rmdir /var/lib/sen 2>/dev/null || true; fi
    [ "$status" -eq 0 ] || echo "deb-test: FAILED (exit $status)" >&2
}
trap cleanup EXIT

fail() {
    echo "deb-test: $*" >&2
    exit 1
}
step() { echo "deb-test: $*"; }

# Runs a command as the sen user. setpriv and env exec it, so in `(exec as_sen_cmd ...) &`
# (a function would leave a subshell in between) $! is the program itself.
as_sen_cmd=(setpriv --reuid=sen --regid=sen --init-groups env HOME=/var/lib/sen USER=sen LOGNAME=sen)
as_sen() { "${as_sen_cmd[@]}" "$@"; }

# A fingerprint of a tree: every path with owner, mode and size, and every file's hash.
fingerprint() {
    (cd "$1" && find . -printf '%p %u:%g %m %s\n' | sort && find . -type f -print0 | sort -z | xargs -0 sha256sum)
}

step "building the .deb"
SECONDS=0
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/package" >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log" >&2; fail "cpack failed"; }
deb=$(ls "$work"/package/sen_*.deb)
dpkg-deb --info "$deb" | sed -n 's/^ \(Package\|Version\|Depends\|Section\|Maintainer\):/  \1:/p'
contents=$(dpkg-deb --contents "$deb")
for path in ./usr/bin/senctl ./usr/bin/sen-server ./usr/lib/systemd/system/sen-server.service; do
    grep -q " $path\$" <<<"$contents" || fail "the package lacks $path"
done
if grep -Eq "sen_(test|bench|fuzz)|/tests?/" <<<"$contents"; then
    fail "the package holds test or benchmark files: $(grep -E 'sen_(test|bench|fuzz)|/tests?/' <<<"$contents")"
fi
depends=$(dpkg-deb --field "$deb" Depends)
for library in libqt6core6 libqt6network6 libqt6pdf6 libqt6pdfwidgets6 libsqlite3 libbotan-2 libsodium23 libzstd; do
    grep -q "$library" <<<"$depends" || fail "Depends lacks $library: $depends"
done

step "installing it"
if ! dpkg -i "$deb" >"$work/dpkg.log" 2>&1; then
    # Only when a runtime library is missing: let apt complete the installation.
    DEBIAN_FRONTEND=noninteractive apt-get -f install -y -q --no-install-recommends >>"$work/dpkg.log" 2>&1 ||
        { cat "$work/dpkg.log" >&2; fail "dpkg -i failed"; }
fi
dpkg-query -W -f='${Status}' sen | grep -q "install ok installed" || { cat "$work/dpkg.log" >&2; fail "sen is not installed"; }
getent passwd sen | grep -q ":/var/lib/sen:/usr/sbin/nologin$" || fail "no system user sen with home /var/lib/sen: $(getent passwd sen)"
[ "$(stat -c '%U:%G %a' /var/lib/sen)" = "sen:sen 750" ] || [ "$lib_existed" = yes ] ||
    fail "/var/lib/sen is $(stat -c '%U:%G %a' /var/lib/sen), not sen:sen 750"
if command -v systemd-analyze >/dev/null; then
    # Unknown keys are only warnings to systemd: any remark at all fails the test.
    if ! remarks=$(systemd-analyze verify /usr/lib/systemd/system/sen-server.service 2>&1) || [ -n "$remarks" ]; then
        fail "systemd-analyze verify sen-server.service: $remarks"
    fi
fi

step "initialising a server in $test_root as the sen user"
export SEN_PASSWORD="deb-test-password" SEN_KDF_COST=test
rm -rf "$test_root"
as_sen mkdir -p "$test_root/ids"
data="$test_root/server"
org="DebTest"
as_sen /usr/bin/sen-server --data "$data" init --org "$org" --admin "Quản Trị" --admin-id "$test_root/ids/admin.id" >/dev/null
as_sen /usr/bin/sen-server --data "$data" register --user "Văn Thư" --id "$test_root/ids/van-thu.id" >/dev/null
as_sen /usr/bin/sen-server --data "$data" db create vanban --kind documents >/dev/null
as_sen /usr/bin/sen-server --data "$data" acl set vanban "Văn Thư/$org" editor >/dev/null

step "running sen-server and replicating a document with the installed senctl"
(exec "${as_sen_cmd[@]}" /usr/bin/sen-server --data "$data" run --listen 127.0.0.1:0 >"$work/server.out" 2>&1) &
server_pid=$!
for _ in $(seq 100); do
    grep -q "listening on" "$work/server.out" 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.out" >&2; fail "sen-server exited"; }
    sleep 0.1
done
address=$(sed -n 's/.*listening on \([^ ]*\).*/\1/p' "$work/server.out")
[ -n "$address" ] || { cat "$work/server.out" >&2; fail "sen-server did not start listening"; }

clerk() { /usr/bin/senctl --home "$work/clerk" "$@"; }
reader() { /usr/bin/senctl --home "$work/reader" "$@"; }
subject="Công văn kiểm thử gói cài đặt"
clerk login --id "$test_root/ids/van-thu.id" >/dev/null
clerk replica add "$address" vanban >/dev/null
clerk doc create vanban --form VanBanDen --set "TrichYeu=$subject" --set "SoDen:number=6" >/dev/null
clerk sync >/dev/null
# A second workspace that starts empty can only get the document from the server.
reader login --id "$test_root/ids/van-thu.id" >/dev/null
reader replica add "$address" vanban >/dev/null
reader doc list vanban | grep -q "$subject" || fail "the second workspace did not receive the document"

step "stopping sen-server with SIGTERM (as systemd does)"
kill -TERM "$server_pid"
wait "$server_pid" || { status=$?; cat "$work/server.out" >&2; fail "sen-server exited with $status on SIGTERM"; }
server_pid=""
grep -q "sen-server stopped" "$work/server.out" || fail "sen-server did not stop cleanly"
as_sen /usr/bin/sen-server --data "$data" audit verify >/dev/null
before=$(fingerprint /var/lib/sen)

step "reinstalling (an upgrade), removing and purging: the data stays as it was"
dpkg -i "$deb" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "reinstalling failed"; }
[ "$(fingerprint /var/lib/sen)" = "$before" ] || fail "reinstalling changed /var/lib/sen"
dpkg -r sen >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -r failed"; }
[ ! -e /usr/bin/sen-server ] || fail "dpkg -r left /usr/bin/sen-server"
[ "$(fingerprint /var/lib/sen)" = "$before" ] || fail "dpkg -r changed /var/lib/sen"
dpkg -P sen >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -P failed"; }
grep -q "data stays in /var/lib/sen" "$work/dpkg.log" || fail "dpkg -P did not say where the data stays"
[ "$(fingerprint /var/lib/sen)" = "$before" ] || fail "dpkg -P changed /var/lib/sen"
[ -f "$data/server.json" ] || fail "the data directory is gone after purge"
getent passwd sen >/dev/null || fail "purge removed the sen user"

step "passed in ${SECONDS}s"
