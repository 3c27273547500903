#!/usr/bin/env bash
# Analysis benchmark: user features, k-means and lookalikes on a million
# users, each next to a peer measured in the same run.
#
#   tests/bench/analysis_bench.sh [BUILD_DIR] [WORKSPACE]
#
# BUILD_DIR is a Release build (default build/release). WORKSPACE is a demo
# workspace of about 1M users; without it the script generates one
# (cwb demo --users 1000000, about 30 s and 0.9 GB in $TMPDIR). Its features
# are rebuilt. Cases and targets (issue: segmentation):
#   - features for 1M users / ~10M events: under 20 s and 2 GB; peer: the
#     sqlite3 shell running a plain per-user GROUP BY over the same events
#     and orders (no sessions, categories, RFM or churn model);
#   - k-means on the 1M x 12 scaled behaviour features, k = 8, n_init = 3,
#     max_iter = 300, 2 threads: time ratio against scikit-learn's KMeans
#     (Lloyd) <= 1.0 at equal or lower inertia;
#   - lookalikes: 10k seed users, 990k candidates, top 10k: under 2 s;
#     peer: scikit-learn's NearestNeighbors (brute force, cosine) for the
#     exact k-nearest mode. The peer takes about 5 minutes.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build/release}
ws=${2:-}
cwb=$build/app/cwb
bench=$build/tests/bench/cwb_analysis_bench
python=/usr/bin/python3
work=$(mktemp -d "${TMPDIR:-/tmp}/cwb-analysis-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

for tool in sqlite3 /usr/bin/time "$cwb" "$bench" "$python"; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (build Release first; apt install sqlite3 time python3-sklearn)" >&2; exit 2; }
done
"$python" -c 'import sklearn' 2>/dev/null || { echo "missing: python3-sklearn (apt install python3-sklearn)" >&2; exit 2; }

# seconds and peak RSS (KB) of a command: prints "SECONDS KB"
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/stdout" 2>"$work/stderr" || { cat "$work/stderr" >&2; return 1; }
  cat "$work/time"
}
json() { "$python" -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d[sys.argv[2]])' "$1" "$2"; }

echo "Analysis benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores"
if [ -z "$ws" ]; then
  ws=$work/demo.cwb
  echo "generating a demo workspace of 1,000,000 users ..."
  "$cwb" demo "$ws" --users 1000000 --seed 1 >/dev/null
fi
users=$(sqlite3 "$ws" 'SELECT count(*) FROM users')
events=$(sqlite3 "$ws" 'SELECT count(*) FROM events')
orders=$(sqlite3 "$ws" 'SELECT count(*) FROM orders')
echo "workspace: $ws ($users users, $events events, $orders orders)"
echo

# --- features ---------------------------------------------------------------
cat > "$work/peer.sql" <<'SQL'
PRAGMA temp_store = MEMORY;
CREATE TEMP TABLE ev AS
  SELECT uid, count(*) AS events, sum(type = 'view') AS views, sum(type = 'search') AS searches,
         sum(type = 'cart') AS carts, sum(type = 'favorite') AS favourites, avg(dwell_seconds) AS dwell,
         count(DISTINCT ts / 86400) AS active_days, max(ts) AS last_event
  FROM events GROUP BY uid;
CREATE TEMP TABLE od AS
  SELECT uid, count(*) AS orders, sum(amount) AS monetary, avg(amount) AS aov, max(ts) AS last_order
  FROM orders WHERE status = 'paid' AND uid IS NOT NULL GROUP BY uid;
CREATE TEMP TABLE f AS
  SELECT u.uid, ev.*, od.* FROM users u LEFT JOIN ev USING (uid) LEFT JOIN od USING (uid);
SELECT count(*) FROM f;
SQL
read -r peer_t peer_m < <(measure sqlite3 "$ws" < "$work/peer.sql")
read -r ours_t ours_m < <(measure "$cwb" features "$ws" --json)
awk -v pt="$peer_t" -v ot="$ours_t" -v pm="$peer_m" -v om="$ours_m" 'BEGIN {
  printf "features      peer (sqlite3 plain GROUP BY) %6.2f s %5.0f MB | ours (cwb features) %6.2f s %5.0f MB | ours/peer time %.2f | %s\n",
         pt, pm / 1024, ot, om / 1024, ot / pt, (ot < 20 && om < 2 * 1024 * 1024 ? "target under 20 s and 2 GB: met" : "target under 20 s and 2 GB: MISSED")
}'

# --- k-means ----------------------------------------------------------------
"$bench" kmeans "$ws" "$work/x.csv" 8 3 300 > "$work/ours.json"
"$python" "$root/tests/reference/kmeans_sklearn.py" "$work/x.csv" 8 3 300 2 > "$work/peer.json"
awk -v pt="$(json "$work/peer.json" seconds)" -v ot="$(json "$work/ours.json" seconds)" \
    -v pi="$(json "$work/peer.json" inertia)" -v oi="$(json "$work/ours.json" inertia)" \
    -v pn="$(json "$work/peer.json" iterations)" -v on="$(json "$work/ours.json" iterations)" 'BEGIN {
  ratio = ot / pt; rel = (oi - pi) / pi
  printf "k-means k=8   peer (scikit-learn KMeans) %6.2f s, inertia %.1f, %d iterations | ours %6.2f s, inertia %.1f, %d iterations\n", pt, pi, pn, ot, oi, on
  printf "              time ratio ours/peer %.2f, inertia %+.3f%% | %s\n", ratio, 100 * rel,
         (ratio <= 1.0 && rel <= 0.005 ? "target ratio <= 1.0 at equal or lower inertia: met" : "target ratio <= 1.0 at equal or lower inertia: MISSED")
}'

# --- lookalikes -------------------------------------------------------------
"$bench" lookalike "$ws" 10000 10000 "$work/la" > "$work/ours.json"
"$python" "$root/tests/reference/lookalike_sklearn.py" "$work/x.csv" "$work/la.seeds" 10 10000 "$work/la.knn" 2 > "$work/peer.json"
awk -v c="$(json "$work/ours.json" centroid_seconds)" -v s="$(json "$work/ours.json" knn_sampled_seconds)" \
    -v a="$(json "$work/ours.json" knn_all_seeds_seconds)" -v p="$(json "$work/peer.json" seconds)" \
    -v below="$(json "$work/peer.json" ours_below_cutoff)" -v ties="$(json "$work/peer.json" tied_at_cutoff)" 'BEGIN {
  printf "lookalikes    990k candidates, 10k seeds, top 10k: centroid %.2f s | knn, 2,000-seed sample (default) %.2f s | knn, all seeds %.2f s\n", c, s, a
  printf "              peer (scikit-learn NearestNeighbors, exact knn) %.1f s; time ratio ours/peer %.3f; ours below the peer cut-off: %d (%d users tie at it)\n", p, a / p, below, ties
  printf "              target under 2 s: centroid %s, default knn %s, exact knn %s\n", (c < 2 ? "met" : "MISSED"), (s < 2 ? "met" : "MISSED"), (a < 2 ? "met" : "MISSED")
}'
