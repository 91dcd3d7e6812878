#!/usr/bin/env bash
# Guaranteed loans at city scale (issue 18): 100,000 synthetic disbursed loans across 石首市's villages with their
# repayments (88 % on the day, 10 % late, 2 % missed) and some paid subsidies. Times the city portfolio as the endpoint
# computes it against one hand-written aggregate SQL over the same table, and a quarter's subsidy run (2026 Q3: every
# lent loan read with its repayments, its subsidy worked out by Core) against Python's decimal redoing the same
# quarter from the same rows. Prints whether the totals agree to the fen (exit 1 otherwise) and the ratios
# ours/SQL (target <= 1.5) and ours/Python (target <= 1.0). Peak RSS from /usr/bin/time (it includes the load).
#   bash bench/loans.sh                       # release build
#   BUILD=debug bash bench/loans.sh           # a debug build: times are then debug times
#   BIN=path/to/guanai LOANS=20000 bash bench/loans.sh
#   BENCH_DATABASE_URL=postgres://postgres:guanai@127.0.0.1:5432/guanai_loans bash bench/loans.sh   # PostgreSQL too
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-release}
LOANS=${LOANS:-100000}
if [ -z "${BIN:-}" ]; then
  swift build -c "$BUILD" --product guanai >/dev/null
  BIN=$(swift build -c "$BUILD" --show-bin-path)/guanai
fi
mkdir -p bench/out

run() {
  local label=$1 db=$2 out py
  echo "== $label"
  out=$( { /usr/bin/time -f 'peak_rss_kb %M' "$BIN" bench-loans --loans "$LOANS" --database "$db" --export bench/out/loans_rows.json; } 2>&1 ) \
    || { echo "$out"; return 1; }
  echo "$out" | grep -v -e ' info codes.vapor' -e '^ *loaded '
  py=$(python3 bench/loans_decimal.py bench/out/loans_rows.json) || { echo "$py"; echo "Python's decimal disagrees"; return 1; }
  echo "$py"
  printf '%s\n%s\n' "$out" "$py" | awk '
    { for (i = 1; i < NF; i++) v[$i] = $(i + 1) }
    END {
      printf "portfolio: ours %.1f ms, hand-written SQL %.1f ms: ours/SQL %.2f (target <= 1.5)\n",
        v["portfolio_ms"], v["hand_sql_ms"], v["portfolio_ms"] / v["hand_sql_ms"]
      printf "quarter subsidy run: ours %.1f ms (database read included), Python decimal %.1f ms (computation only): ours/Python %.2f (target <= 1.0)\n",
        v["subsidy_run_ms"], v["python_ms"], v["subsidy_run_ms"] / v["python_ms"]
      printf "peak RSS %.0f MB\n", v["peak_rss_kb"] / 1024
    }'
}

echo "build: $BUILD, loans: $LOANS"
rm -f bench/out/loans.sqlite bench/out/loans.sqlite-*
run SQLite bench/out/loans.sqlite

PGURL=${BENCH_DATABASE_URL:-}
if [ -n "$PGURL" ]; then
  DB=${PGURL##*/}
  psql "${PGURL%/*}/postgres" -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  run PostgreSQL "$PGURL"
else
  echo "== PostgreSQL: skipped (set BENCH_DATABASE_URL)"
fi
