#!/usr/bin/env bash
# Import benchmark: our typed, validated import against the sqlite3 shell's
# untyped `.import` of the same file, measured in the same run.
#
#   tests/bench/import_bench.sh [BUILD_DIR] [ROUNDS]
#
# BUILD_DIR is a Release build (default build/release); ROUNDS (default 3)
# alternates peer and ours and reports the median of each. Datasets:
#   - UCI Online Retail (../shared/data), 541,909 rows, via the online-retail
#     preset (order lines + orders + users + products), and
#   - a generated shop export of about 10 million behaviour events (the demo
#     generator's customers: users.csv, then events.csv).
# Targets (issue: foundation): ours >= 0.7x the peer's rows/s; peak RSS
# under 500 MB at 10M events.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build/release}
rounds=${2:-3}
data=${CWB_SHARED_DATA:-$root/../shared/data}
cwb=$build/app/cwb
make_events=$build/tests/bench/cwb_make_events_csv
work=$(mktemp -d "${TMPDIR:-/tmp}/cwb-import-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

for tool in sqlite3 /usr/bin/time "$cwb" "$make_events"; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (build Release first: scripts/build-release, apt install sqlite3 time)" >&2; exit 2; }
done

# seconds and peak RSS (KB) of a command: prints "SECONDS KB"
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; return 1; }
  cat "$work/time"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

run_case() {   # name rows file ours-prepare-fn ours-args...
  local name=$1 rows=$2 file=$3 prepare=$4; shift 4
  local peer_t=() ours_t=() ours_m=() peer_m=()
  for ((r = 1; r <= rounds; r++)); do
    rm -f "$work/peer.db"
    read -r t m < <(measure sqlite3 "$work/peer.db" -cmd '.mode csv' ".import '$file' raw")
    peer_t+=("$t"); peer_m+=("$m")
    rm -f "$work/ours.cwb" "$work/ours.cwb-wal" "$work/ours.cwb-shm"
    "$cwb" init "$work/ours.cwb" >/dev/null
    $prepare
    read -r t m < <(measure "$cwb" import "$work/ours.cwb" "$@")
    ours_t+=("$t"); ours_m+=("$m")
  done
  local pt ot pm om
  pt=$(printf '%s\n' "${peer_t[@]}" | median); ot=$(printf '%s\n' "${ours_t[@]}" | median)
  pm=$(printf '%s\n' "${peer_m[@]}" | median); om=$(printf '%s\n' "${ours_m[@]}" | median)
  awk -v n="$name" -v rows="$rows" -v pt="$pt" -v ot="$ot" -v pm="$pm" -v om="$om" -v all_p="${peer_t[*]}" -v all_o="${ours_t[*]}" 'BEGIN {
    pr = rows / pt; orr = rows / ot; ratio = orr / pr
    printf "%-34s %11d rows  peer %8.0f rows/s (%5.2f s, %4.0f MB)  ours %8.0f rows/s (%5.2f s, %4.0f MB)  ratio %.2f  %s\n",
           n, rows, pr, pt, pm / 1024, orr, ot, om / 1024, ratio, (ratio >= 0.7 ? "target 0.7x met" : "BELOW the 0.7x target")
    printf "%-34s rounds (s): peer %s | ours %s\n", "", all_p, all_o
  }'
  LAST_OURS_RSS_MB=$(( om / 1024 ))
}

echo "Import benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, median of $rounds rounds"
echo "peer: $(sqlite3 --version | cut -d' ' -f1-2) shell .import into an untyped table; ours: cwb import (typed, validated, one transaction)"
echo

if [ -f "$data/online_retail/online_retail.csv.gz" ]; then
  zcat "$data/online_retail/online_retail.csv.gz" > "$work/online_retail.csv"
  noop() { :; }
  run_case "Online Retail (preset, plain CSV)" 541909 "$work/online_retail.csv" noop --preset online-retail "$work/online_retail.csv"
  "$cwb" init "$work/gz.cwb" >/dev/null
  read -r t m < <(measure "$cwb" import "$work/gz.cwb" --preset online-retail "$data/online_retail/online_retail.csv.gz")
  awk -v t="$t" 'BEGIN { printf "%-34s ours straight from the .csv.gz: %.2f s (%.0f rows/s)\n", "", t, 541909 / t }'
else
  echo "Online Retail: skipped ($data/online_retail not found)"
fi

users=${CWB_BENCH_USERS:-1032000}   # about 10.0 million events
"$make_events" "$work" "$users" 2>"$work/gen.log"
events=$(($(wc -l < "$work/events.csv") - 1))
import_users() { "$cwb" import "$work/ours.cwb" --table users "$work/users.csv" >/dev/null; }
run_case "Generated events ($users users)" "$events" "$work/events.csv" import_users --table events "$work/events.csv"
if [ "$LAST_OURS_RSS_MB" -lt 500 ]; then
  echo "peak RSS at $events events: ${LAST_OURS_RSS_MB} MB (target under 500 MB: met)"
else
  echo "peak RSS at $events events: ${LAST_OURS_RSS_MB} MB (target under 500 MB: MISSED)"
fi
