#!/usr/bin/env bash
# Preview benchmark: how fast a campaign preview follows a slider, sweeps the
# discount and searches for better terms, on 100,000 and 1,000,000 users.
#
#   tests/bench/preview_bench.sh [BUILD_DIR] [WORKSPACE_100K] [WORKSPACE_1M]
#
# BUILD_DIR is a Release build (default build/release). Without workspaces
# the script generates demo shops of 100k and 1M users (cwb demo, about 4
# minutes and 1.2 GB in $TMPDIR for both) and trains their uplift model of
# `converted` and response model of `redeemed` (cwb train; about 2 minutes at
# 1M). Given workspaces need those models already. The spec is a coupon of
# 15 % over 199 to every user, 10 % control group. Targets (issue: campaigns):
#   - a preview after a parameter change (ranking and depth curve included)
#     for 1M targeted users in <= 50 ms; peer: scoring the same change by
#     re-encoding every user's inputs, measured in the same run;
#   - a 50-step discount sweep on 1M users in <= 1 s;
#   - the optimiser on 1M users in <= 10 s.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build/release}
ws100k=${2:-}
ws1m=${3:-}
cwb=$build/app/cwb
bench=$build/tests/bench/cwb_preview_bench
python=/usr/bin/python3
[ -x "$bench" ] && [ -x "$cwb" ] || { echo "missing: $bench or $cwb (build Release first)" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/cwb-preview-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

prepare() {   # prepare USERS -> path of a demo workspace with both models
  local ws=$work/demo-$1.cwb
  "$cwb" demo "$ws" --users "$1" --seed 42 >/dev/null
  "$cwb" train "$ws" --uplift --target converted >/dev/null
  "$cwb" train "$ws" --target redeemed >/dev/null
  echo "$ws"
}
[ -n "$ws100k" ] || ws100k=$(prepare 100000)
[ -n "$ws1m" ] || ws1m=$(prepare 1000000)

cat >"$work/spec.json" <<'JSON'
{"name": "Winter 15% over 199", "type": "coupon", "start": "2026-01-10T10:00:00Z",
 "coupon": {"percent_off": 15, "min_spend": 199, "validity_days": 7},
 "control_share": 0.1, "channel": "sms", "cost_per_contact": 0.05, "budget": 0, "gross_margin": 0.35}
JSON

echo "Preview benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores"
for ws in "$ws100k" "$ws1m"; do
  out=$("$bench" "$ws" "$work/spec.json" 5)
  "$python" - "$out" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
big = r["users"] >= 1_000_000
def verdict(ok): return ("met" if ok else "MISSED") if big else "reported"
print()
print(f"{r['users']:,} users ({'linear' if r['linear_scoring'] else 'tree'} scoring; session opened in {r['open_seconds']:.1f} s)")
print(f"  preview after a parameter change  {r['preview_after_change_ms']:8.1f} ms   (target <= 50 ms at 1M: {verdict(r['preview_after_change_ms'] <= 50)})")
print(f"    of which scoring {r['of_which_scoring_ms']:.1f} ms, economics with scoring {r['of_which_economics_ms']:.1f} ms, totals {r['of_which_totals_ms']:.1f} ms")
print(f"  peer: re-encoding every input    {r['peer_rescore_all_inputs_ms']:8.1f} ms   ratio ours / peer {r['ratio']:.3f}")
print(f"  full preview with curves          {r['full_preview_with_curves_ms']:8.1f} ms")
print(f"  50-step discount sweep            {r['sweep_50_steps_s']:8.2f} s    (target <= 1 s at 1M: {verdict(r['sweep_50_steps_s'] <= 1)})")
print(f"  optimiser ({r['optimize_evaluations']} previews of {r['optimize_searched_users']:,} users) {r['optimize_s']:8.1f} s    (target <= 10 s at 1M: {verdict(r['optimize_s'] <= 10)})")
print(f"  peer: the search on every user    {r['peer_optimize_all_users_s']:8.1f} s    ratio ours / peer {r['optimize_ratio']:.3f}; "
      f"best profit found {100 * r['optimize_profit_share_of_peer']:.2f} % of the peer's")
PY
done
