#!/usr/bin/env bash
# Rights stats at province scale (issue 19): all of Hubei's divisions, then 200,000 synthetic rights cases across its
# villages (石首市 with a tenth of them) received over 2025–2026, each with the dates its status implies (accepted,
# outcome, 回访 due 30 days after an agreement: on time, late or missing). Times the 2026 stats of the city (421081)
# and of the province (42) as GET /api/v1/rights/stats computes them against one hand-written aggregate SQL for the
# same figures, in turn, 30 runs each after 3 warm-ups. Prints whether every number agrees (exit 1 otherwise), the
# medians and p95s, the ratio ours/SQL of the medians (target <= 1.5) and whether our p95 is <= 200 ms. Peak RSS from
# /usr/bin/time (it includes the load).
#   bash bench/rights.sh                      # release build
#   BUILD=debug bash bench/rights.sh          # a debug build: times are then debug times
#   BIN=path/to/guanai CASES=20000 RUNS=10 bash bench/rights.sh
#   BENCH_DATABASE_URL=postgres://postgres:guanai@127.0.0.1:5432/guanai_rights bash bench/rights.sh   # PostgreSQL too
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-release}
CASES=${CASES:-200000}
RUNS=${RUNS:-30}
WARMUPS=${WARMUPS:-3}
if [ -z "${BIN:-}" ]; then
  swift build -c "$BUILD" --product guanai >/dev/null
  BIN=$(swift build -c "$BUILD" --show-bin-path)/guanai
fi
mkdir -p bench/out

run() {
  local label=$1 db=$2 out
  echo "== $label"
  out=$( { /usr/bin/time -f 'peak_rss_kb %M' "$BIN" bench-rights --cases "$CASES" --runs "$RUNS" --warmups "$WARMUPS" \
    --database "$db"; } 2>&1 ) || { echo "$out"; echo "ours and the hand-written SQL disagree (or the run failed)"; return 1; }
  echo "$out" | grep -v -e ' info codes.vapor' -e '^ *loaded '
  echo "$out" | awk '
    { for (i = 1; i < NF; i++) v[$i] = $(i + 1) }
    END {
      split("city province", scopes, " ")
      for (j = 1; j <= 2; j++) {
        s = scopes[j]
        printf "%s %s: agree %s; ours median %.1f ms p95 %.1f ms, hand-written SQL median %.1f ms p95 %.1f ms: ours/SQL %.2f (target <= 1.5), p95 <= 200 ms %s\n",
          s, v[s "_unit"], v[s "_agree"], v[s "_ours_ms"], v[s "_ours_p95_ms"], v[s "_sql_ms"], v[s "_sql_p95_ms"],
          v[s "_ours_ms"] / v[s "_sql_ms"], (v[s "_ours_p95_ms"] <= 200 ? "true" : "false")
      }
      printf "peak RSS %.0f MB\n", v["peak_rss_kb"] / 1024
    }'
}

echo "build: $BUILD, cases: $CASES, runs: $RUNS after $WARMUPS warm-ups"
rm -f bench/out/rights.sqlite bench/out/rights.sqlite-*
run SQLite bench/out/rights.sqlite

PGURL=${BENCH_DATABASE_URL:-}
if [ -n "$PGURL" ]; then
  DB=${PGURL##*/}
  psql "${PGURL%/*}/postgres" -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  run PostgreSQL "$PGURL"
else
  echo "== PostgreSQL: skipped (set BENCH_DATABASE_URL)"
fi
