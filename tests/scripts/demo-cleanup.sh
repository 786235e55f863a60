#!/usr/bin/env bash
# The README's run command leaves no process behind (issue #12, point 9). scripts/demo.sh runs
# headless (no DISPLAY: `sen` renders its screens to PNG files) with the binaries of the build
# under test (SEN_DEMO_BIN), on a private workspace (SEN_DEMO_HOME; the server listens on a
# free loopback port), in a session of its own, three times:
#   1. to its end;
#   2. stopped midway by SIGTERM to the script alone (kill, timeout, a service manager): its
#      exit trap must stop the sen-server it started;
#   3. interrupted midway by Ctrl+C, SIGINT to its whole process group.
# Each time, once the script has ended, no process of its session — sen-server, sen, senctl —
# may remain after a grace period (a foreground client the signal did not reach ends on its
# own). Processes are found by session ID, never by name, so tests running in parallel are
# left alone; whatever remains is killed before the test fails.
#
# Usage: demo-cleanup.sh BIN_DIR   (the directory holding sen, senctl and sen-server)
set -uo pipefail

bin=$(cd "${1:?usage: demo-cleanup.sh BIN_DIR}" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
for exe in sen senctl sen-server; do
    [ -x "$bin/$exe" ] || { echo "FAIL: $bin/$exe is not built"; exit 1; }
done

tmp=$(mktemp -d)
sessions=()
cleanup() {
    for sid in "${sessions[@]}"; do
        kill -KILL -- "-$sid" 2>/dev/null || true
    done
    rm -rf "$tmp"
}
trap cleanup EXIT

failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

# True while process $1 exists and is not a zombie.
alive() {
    local state
    state=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
    [[ $state != Z* ]]
}

# The processes of session $1, one "PID COMMAND" per line (zombies left out: already ended).
session_processes() {
    ps -eo pid=,sid=,stat=,comm= | awk -v sid="$1" '$2 == sid && $3 !~ /^Z/ { print $1, $4 }'
}

# Waits up to $2 seconds for pattern $3 in file $1 while process $4 lives.
wait_for_line() {
    local file=$1 seconds=$2 pattern=$3 pid=$4
    for _ in $(seq $((seconds * 10))); do
        grep -q -- "$pattern" "$file" 2>/dev/null && return 0
        alive "$pid" || return 1
        sleep 0.1
    done
    return 1
}

# run_demo NAME SIGNAL TARGET: runs the demo; with a SIGNAL, sends it midway to TARGET
# ("script" or "group"). Checks that the demo really ran, then that nothing of it remains.
run_demo() {
    local name=$1 signal=$2 target=$3
    local dir="$tmp/$name"
    mkdir -p "$dir/runtime"
    chmod 700 "$dir/runtime"
    local log="$dir/demo.log"
    # Started in a session of its own: its session ID is its PID, and every process it starts
    # stays in that session and process group.
    env -u DISPLAY -u WAYLAND_DISPLAY SEN_DEMO_BIN="$bin" SEN_DEMO_HOME="$dir/home" \
        XDG_RUNTIME_DIR="$dir/runtime" setsid bash "$root/scripts/demo.sh" >"$log" 2>&1 </dev/null &
    local pid=$!
    sessions+=("$pid")
    for _ in $(seq 50); do
        [ "$(ps -o sid= -p "$pid" 2>/dev/null | tr -d ' ')" = "$pid" ] && break
        sleep 0.1
    done

    if [ "$signal" != none ]; then
        # Midway: the server runs and the clerk has synced; the cadre's part has begun.
        if ! wait_for_line "$log" 300 "A cadre logs in" "$pid"; then
            fail "$name: the demo did not get midway"
            sed 's/^/    /' "$log"
            return
        fi
        if [ "$target" = group ]; then
            kill "-$signal" -- "-$pid"
        else
            kill "-$signal" "$pid"
        fi
    fi

    for _ in $(seq 6000); do
        alive "$pid" || break
        sleep 0.1
    done
    if alive "$pid"; then
        fail "$name: the demo did not end within 10 minutes"
        return
    fi
    wait "$pid"
    local status=$?

    if ! grep -q "listening on" "$dir/home/server.out" 2>/dev/null; then
        fail "$name: the demo never started its server"
        sed 's/^/    /' "$log"
        return
    fi
    if [ "$signal" = none ] && [ "$status" -ne 0 ]; then
        fail "$name: the demo failed (exit status $status)"
        sed 's/^/    /' "$log"
    fi
    if [ "$signal" != none ] && [ "$status" -eq 0 ]; then
        fail "$name: the demo ran to its end although it was sent SIG$signal"
    fi

    local left=""
    for _ in $(seq 600); do
        left=$(session_processes "$pid")
        [ -z "$left" ] && break
        sleep 0.1
    done
    if [ -n "$left" ]; then
        fail "$name: the demo ended (exit status $status) and left running:" $left
        kill -KILL -- "-$pid" 2>/dev/null || true
    else
        echo "ok: $name (exit status $status), nothing left"
    fi
}

run_demo to-the-end none -
run_demo sigterm TERM script
run_demo ctrl-c INT group

[ "$failures" -eq 0 ] || exit 1
echo "The demo left no process behind."
