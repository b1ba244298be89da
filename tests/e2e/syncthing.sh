#!/usr/bin/env bash
# End to end: two real Syncthing instances on loopback, each with its own
# home and ports, introduced to each other by device id in their config,
# carry comeback's sync files between two data dirs. A plan made on one
# machine reaches the other, and a check-in on one shows on the other
# within seconds. Skipped (and says so) when Syncthing is not installed and
# apt cannot install it.
#
#     tests/e2e/syncthing.sh              (after `cargo build`)
#     COMEBACK_BIN=target/release/comeback tests/e2e/syncthing.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${COMEBACK_BIN:-${CARGO_TARGET_DIR:-target}/debug/comeback}
if ! command -v syncthing >/dev/null && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get install -y -q syncthing >/dev/null 2>&1 || true
fi
if ! command -v syncthing >/dev/null; then
    echo "syncthing e2e: skipped: syncthing is not installed and apt could not install it"
    exit 0
fi
W=$(mktemp -d)
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$W"
}
trap cleanup EXIT
TODAY=2026-12-01
BASE=$((20000 + RANDOM % 20000))
for i in 1 2; do
    syncthing generate --home="$W/h$i" --no-default-folder >/dev/null 2>&1
    mkdir -p "$W/shared$i"
done
ID1=$(syncthing --home="$W/h1" --device-id)
ID2=$(syncthing --home="$W/h2" --device-id)
# Only the second instance dials: when both dial at once, each drops one of
# the two crossing connections and they back off for 20 s or more.
config() { # home, my id, other id, my port, other's address, gui port, folder
    cat >"$1/config.xml" <<XML
<configuration version="36">
    <folder id="comeback" label="comeback" path="$7" type="sendreceive" rescanIntervalS="5" fsWatcherEnabled="true" fsWatcherDelayS="1">
        <device id="$2"></device>
        <device id="$3"></device>
    </folder>
    <device id="$2" name="this"><address>dynamic</address></device>
    <device id="$3" name="other"><address>$5</address></device>
    <gui enabled="true" tls="false"><address>127.0.0.1:$6</address></gui>
    <options>
        <listenAddress>tcp://127.0.0.1:$4</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <urAccepted>-1</urAccepted>
        <startBrowser>false</startBrowser>
        <crashReportingEnabled>false</crashReportingEnabled>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <reconnectionIntervalS>1</reconnectionIntervalS>
    </options>
</configuration>
XML
}
config "$W/h1" "$ID1" "$ID2" $BASE dynamic $((BASE + 2)) "$W/shared1"
config "$W/h2" "$ID2" "$ID1" $((BASE + 1)) "tcp://127.0.0.1:$BASE" $((BASE + 3)) "$W/shared2"
# The first instance listens before the second one dials it.
for i in 1 2; do
    STNODEFAULTFOLDER=1 syncthing serve --home="$W/h$i" --no-browser --no-restart --no-upgrade \
        >"$W/syncthing$i.log" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 100); do
        grep -q "TCP listener .* starting" "$W/syncthing$i.log" && break
        sleep 0.1
    done
done
cb() { "$BIN" --data-dir "$W/$1" --today "$TODAY" "${@:2}"; }
# Polls for up to 60 s until the command succeeds; says how long it took.
within() {
    local what=$1
    shift
    local start=$SECONDS
    until "$@" >/dev/null 2>&1; do
        if ((SECONDS - start > 60)); then
            echo "syncthing e2e: FAILED: $what did not happen within 60 s" >&2
            tail -n 20 "$W/syncthing1.log" "$W/syncthing2.log" >&2
            exit 1
        fi
        sleep 0.5
    done
    echo "syncthing e2e: $what after $((SECONDS - start)) s"
}
cb laptop new --layoff 3w --weekly 25 --runs 4 --start 2026-11-30 >/dev/null
cb laptop sync --folder "$W/shared1" >/dev/null
cb desktop sync --folder "$W/shared2" >/dev/null
within "the plan made on the laptop reached the desktop" cb desktop status
cb laptop checkin --numbness 1 --where toes --cleared quickly >/dev/null
has_tingle() { cb desktop history | grep -q "Tue 1 Dec: tingling at the toes"; }
within "the laptop's check-in showed on the desktop" has_tingle
cb desktop checkin --date 2026-11-30 --numbness 0 >/dev/null
has_rest() { cb laptop history | grep -q "Mon 30 Nov: no numbness"; }
within "the desktop's check-in showed on the laptop" has_rest
diff <(cb laptop status --json) <(cb desktop status --json)
echo "syncthing e2e: both machines give the same status"
