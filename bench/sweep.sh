#!/usr/bin/env bash
# The safety-net sweep at city scale: loads N synthetic children (default 1,000,000) and V visits per child
# (default 10, so 10,000,000), then prints the time of a full first sweep (every tier computed), the median of a
# steady-state sweep (nothing due; target 1 s) and of one indexed count of overdue children, and their ratio.
#   N=1000000 V=10 BUILD=release bash bench/sweep.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000000}
V=${V:-10}
BUILD=${BUILD:-release}
# BIN=path skips the build (e.g. a copy of a release binary while other work goes on in .build).
if [ -z "${BIN:-}" ]; then
  swift build -c "$BUILD" --product guanai >/dev/null
  BIN=$(swift build -c "$BUILD" --show-bin-path)/guanai
fi
mkdir -p bench/out
echo "build: $BUILD, children: $N, visits per child: $V (SQLite)"
rm -f bench/out/sweep.sqlite bench/out/sweep.sqlite-*
"$BIN" bench-sweep --children "$N" --visits-per-child "$V" --database bench/out/sweep.sqlite
