#!/usr/bin/env bash
# The uplift learners on the real Hillstrom e-mail test: one arm against
# No E-Mail, target visit, 50/50 stratified random split, several seeds.
# Prints, per learner, the mean and standard deviation over the seeds of the
# test half's average treatment effect, the Qini coefficient, AUUC and
# uplift@10/20/30 %, the whole data's average effect (the arms' observed
# visit rates), and the training time.
#
#   tests/bench/hillstrom_uplift.sh [BUILD_DIR] [ARM] [SEEDS]
#
# BUILD_DIR is a Release build (default build/release), ARM "Womens E-Mail"
# (default) or "Mens E-Mail", SEEDS 5 by default. Reads
# ../shared/data/hillstrom/hillstrom.csv. A published reference for Womens
# E-Mail vs No E-Mail, transformed outcome on boosted trees: uplift@30 %
# about 0.066 against an average effect of about 0.045.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build/release}
arm=${2:-Womens E-Mail}
seeds=${3:-5}
cwb=$build/app/cwb
data=$root/../shared/data/hillstrom/hillstrom.csv
python=/usr/bin/python3
[ -x "$cwb" ] || { echo "missing: $cwb (build Release first)" >&2; exit 2; }
[ -f "$data" ] || { echo "missing: $data" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/cwb-hillstrom.XXXXXX")
trap 'rm -rf "$work"' EXIT

"$cwb" init "$work/h.cwb" >/dev/null
"$cwb" import "$work/h.cwb" "$data" --preset hillstrom >/dev/null
# The arms' observed visit rates, computed by the sqlite3 shell from the imported tables.
sqlite_effect=$(sqlite3 "$work/h.cwb" "SELECT printf('%.17g', avg(CASE WHEN e.grp = 'treatment' THEN coalesce(r.visited, 0) END)
                                                  - avg(CASE WHEN e.grp = 'control' THEN coalesce(r.visited, 0) END))
  FROM exposures e LEFT JOIN responses r USING (campaign_id, uid)
  WHERE e.grp = 'control' OR e.variant = '${arm//\'/\'\'}'")
echo "Hillstrom uplift, $arm vs No E-Mail, target visit, 50/50 stratified split, seeds 1..$seeds ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores)"
for learner in two-model class-transformation; do
  for model in logistic gbdt; do
    for seed in $(seq 1 "$seeds"); do
      "$cwb" train "$work/h.cwb" --uplift --learner "$learner" --model "$model" --target visited --arm "$arm" \
        --split random --test-share 0.5 --seed "$seed" --no-save --json > "$work/$learner-$model-$seed.json"
    done
  done
done

"$python" - "$work" "$seeds" "$sqlite_effect" <<'PY'
import json, statistics, sys
work, seeds, sqlite_effect = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
rows = []
for learner in ("two-model", "class-transformation"):
    for model in ("logistic", "gbdt"):
        runs = [json.load(open(f"{work}/{learner}-{model}-{s}.json")) for s in range(1, seeds + 1)]
        effect = {r["observed_effect"] for r in runs}
        assert len(effect) == 1, "the whole data's effect must not depend on the seed"
        assert abs(next(iter(effect)) - sqlite_effect) < 1e-12, f"effect {effect} differs from sqlite3's {sqlite_effect}"
        def col(key):
            v = [r["evaluation"]["uplift"][key] for r in runs]
            return statistics.mean(v), statistics.stdev(v) if len(v) > 1 else 0.0
        secs = [r["seconds"] for r in runs]
        rows.append((f"{learner} / {model}", effect.pop(), col("observed_effect"), col("qini"), col("auuc"),
                     col("uplift_at_10"), col("uplift_at_20"), col("uplift_at_30"), statistics.mean(secs)))
print(f"average effect over all rows, the arms' observed visit rates by the sqlite3 shell: {sqlite_effect:.6f}; every learner's: equal to 1e-12")
print(f"{'learner':<32} {'ATE (all)':>9} {'ATE (test)':>17} {'Qini':>17} {'AUUC':>17} {'uplift@10%':>17} {'uplift@20%':>17} {'uplift@30%':>17} {'train s':>7}")
for name, ate, test_ate, *metrics, secs in rows:
    cells = " ".join(f"{m:>8.4f} ± {s:<6.4f}" for m, s in [test_ate] + metrics)
    print(f"{name:<32} {ate:>9.4f} {cells} {secs:>7.2f}")
PY
