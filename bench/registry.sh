#!/usr/bin/env bash
# Registry read speed at city scale: loads N synthetic children (default 1,000,000; with their parents and
# guardians, about 3.5 people each) and prints the median time of the first list page, a filtered list and a
# child's detail, on SQLite and, when PostgreSQL is reachable, on PostgreSQL. Targets: 200 ms, 200 ms, 50 ms.
#   N=1000000 BUILD=release bash bench/registry.sh
#   BENCH_DATABASE_URL=postgres://postgres:guanai@127.0.0.1:5432/guanai_bench bash bench/registry.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000000}
BUILD=${BUILD:-release}
# BIN=path skips the build (e.g. a copy of a release binary while other work goes on in .build).
if [ -z "${BIN:-}" ]; then
  swift build -c "$BUILD" --product guanai >/dev/null
  BIN=$(swift build -c "$BUILD" --show-bin-path)/guanai
fi
mkdir -p bench/out
echo "build: $BUILD, children: $N"

echo "== SQLite"
rm -f bench/out/registry.sqlite bench/out/registry.sqlite-*
"$BIN" bench-registry --children "$N" --database bench/out/registry.sqlite

PGURL=${BENCH_DATABASE_URL:-}
if [ -z "$PGURL" ] && command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1; then
  PGURL="postgres://postgres:guanai@127.0.0.1:5432/guanai_bench"
fi
if [ -n "$PGURL" ]; then
  echo "== PostgreSQL"
  DB=${PGURL##*/}
  su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS $DB'" && su postgres -c "psql -q -c 'CREATE DATABASE $DB'"
  "$BIN" bench-registry --children "$N" --database "$PGURL"
else
  echo "== PostgreSQL: not reachable, skipped (set BENCH_DATABASE_URL)"
fi
