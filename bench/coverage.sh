#!/usr/bin/env bash
# Station coverage at city scale: the 石首市 instance of bench/siting.sh (204 villages, 48,000 left-behind children
# at synthetic points, seed 20240601) put into a database with about 100 open stations (every other village
# committee) and 20 places each; then the full recount of `station_coverage`, one sweep step after a single change,
# and the coverage answer at county level (kept counts plus the live priority list) against the live computation
# it replaces. The answer must equal the live report (the command exits 1 otherwise). Targets: answer <= 200 ms at
# county level, full recount <= 60 s, sweep step <= 1 s. Peak RSS from /usr/bin/time (it includes the load).
#   bash bench/coverage.sh                       # release build
#   BUILD=debug bash bench/coverage.sh           # a debug build: times are then debug times, and say so
#   BIN=path/to/guanai bash bench/coverage.sh    # a prebuilt binary
#   BENCH_DATABASE_URL=postgres://postgres:guanai@127.0.0.1:5432/guanai_cov bash bench/coverage.sh   # PostgreSQL too
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-release}
SEED=${SEED:-20240601}
if [ -z "${BIN:-}" ]; then
  swift build -c "$BUILD" --product guanai >/dev/null
  BIN=$(swift build -c "$BUILD" --show-bin-path)/guanai
fi
mkdir -p bench/out

run() {
  local label=$1 db=$2 out
  echo "== $label"
  out=$( { /usr/bin/time -f 'peak_rss_kb %M' "$BIN" bench-coverage --seed "$SEED" --database "$db"; } 2>&1 ) || { echo "$out"; return 1; }
  echo "$out" | grep -v -e '^ *loaded ' -e ' info codes.vapor'
  echo "$out" | awk '
    { for (i = 1; i < NF; i++) v[$i] = $(i + 1) }
    END {
      printf "targets: endpoint %.3f of 200 ms, full recount %.3f of 60 s, sweep step %.3f of 1000 ms; peak RSS %.0f MB\n",
        v["endpoint_ms"] / 200, v["full_recount_s"] / 60, v["sweep_step_ms"] / 1000, v["peak_rss_kb"] / 1024
      printf "kept counts vs live computation: %.1fx faster (%.1f ms vs %.1f ms)\n",
        v["live_ms"] / v["endpoint_ms"], v["endpoint_ms"], v["live_ms"]
    }'
}

echo "build: $BUILD, seed: $SEED"
rm -f bench/out/coverage.sqlite bench/out/coverage.sqlite-*
run SQLite bench/out/coverage.sqlite

PGURL=${BENCH_DATABASE_URL:-}
if [ -n "$PGURL" ]; then
  DB=${PGURL##*/}
  psql "${PGURL%/*}/postgres" -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  run PostgreSQL "$PGURL"
else
  echo "== PostgreSQL: skipped (set BENCH_DATABASE_URL)"
fi
