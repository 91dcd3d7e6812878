#!/usr/bin/env bash
# Women's health at province scale (issue 20): all of Hubei's divisions, then 3,000,000 synthetic women across its
# villages (石首市 with a twentieth of them) born 1950–1995, and 1,000,000 screens over 2021–2026 (about 4 % abnormal,
# followed up to a status, some to a diagnosis). Times, on 2026-11-30, the due list of 桃花山镇 (cervical, as
# GET /api/v1/health/due answers its first page) and the 2026 indicators of the city (421081) and of the province (42)
# as GET /api/v1/health/indicators computes them, each against one hand-written SQL for the same answer, in turn, 30
# runs each after 3 warm-ups. Prints whether they agree (exit 1 otherwise), medians and p95s, the ratio ours/SQL of
# the medians (target <= 1.5) and whether our p95 is <= 200 ms. Peak RSS from /usr/bin/time (it includes the load).
#   bash bench/health.sh                      # release build
#   BUILD=debug WOMEN=100000 SCREENINGS=40000 RUNS=5 bash bench/health.sh
#   BIN=path/to/guanai bash bench/health.sh
#   BENCH_DATABASE_URL=postgres://postgres:guanai@127.0.0.1:5432/guanai_health bash bench/health.sh   # PostgreSQL too
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-release}
WOMEN=${WOMEN:-3000000}
SCREENINGS=${SCREENINGS:-1000000}
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
  out=$( { /usr/bin/time -f 'peak_rss_kb %M' "$BIN" bench-health --women "$WOMEN" --screenings "$SCREENINGS" --runs "$RUNS" \
    --warmups "$WARMUPS" --database "$db"; } 2>&1 ) || { echo "$out"; echo "ours and the hand-written SQL disagree (or the run failed)"; return 1; }
  echo "$out" | grep -v -e ' info codes.vapor' -e '^ *loaded '
  echo "$out" | awk '
    { for (i = 1; i < NF; i++) v[$i] = $(i + 1) }
    END {
      split("due city province", scopes, " ")
      for (j = 1; j <= 3; j++) {
        s = scopes[j]
        printf "%s %s: agree %s; ours median %.1f ms p95 %.1f ms, hand-written SQL median %.1f ms p95 %.1f ms: ours/SQL %.2f (target <= 1.5), p95 <= 200 ms %s\n",
          s, v[s "_unit"], v[s "_agree"], v[s "_ours_ms"], v[s "_ours_p95_ms"], v[s "_sql_ms"], v[s "_sql_p95_ms"],
          v[s "_ours_ms"] / v[s "_sql_ms"], (v[s "_ours_p95_ms"] <= 200 ? "true" : "false")
      }
      printf "peak RSS %.0f MB\n", v["peak_rss_kb"] / 1024
    }'
}

echo "build: $BUILD, women: $WOMEN, screenings: $SCREENINGS, runs: $RUNS after $WARMUPS warm-ups"
rm -f bench/out/health.sqlite bench/out/health.sqlite-*
run SQLite bench/out/health.sqlite

PGURL=${BENCH_DATABASE_URL:-}
if [ -n "$PGURL" ]; then
  DB=${PGURL##*/}
  psql "${PGURL%/*}/postgres" -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  run PostgreSQL "$PGURL"
else
  echo "== PostgreSQL: skipped (set BENCH_DATABASE_URL)"
fi
