#!/usr/bin/env bash
# Ledger import speed and memory. Generates N synthetic child rows (default 100,000) as CSV and .xlsx, imports each
# with `guanai import` (full validation: ID numbers, villages, tokens, duplicates, classification, risk tier, audit),
# and in the same run loads the same CSV with `sqlite3 .import` into a plain table and reads the .xlsx with openpyxl
# in read-only mode. Prints rows/second for each and the ratios ours(csv)/sqlite3 (target ≥ 0.5) and
# ours(xlsx)/openpyxl (target ≥ 10); then our peak memory importing M rows (default 1,000,000; target ≤ 150 MB).
#   N=100000 M=1000000 BUILD=release bash bench/import.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100000}
M=${M:-1000000}
BUILD=${BUILD:-release}
PY=${PY:-.ci-work/venv/bin/python}
# BIN=path skips the build (e.g. a copy of a release binary while other work goes on in .build).
if [ -z "${BIN:-}" ]; then
  swift build -c "$BUILD" --product guanai >/dev/null
  BIN=$(swift build -c "$BUILD" --show-bin-path)/guanai
fi
OUT=bench/out/import
mkdir -p "$OUT"
echo "build: $BUILD, rows: $N (speed), $M (memory)"
"$PY" bench/import_data.py "$N" "$OUT/children.csv" "$OUT/children.xlsx"

fresh() { rm -f "$OUT/db.sqlite" "$OUT/db.sqlite-"*; "$BIN" migrate --database "$OUT/db.sqlite" >/dev/null 2>&1; }
secs() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || [ $? -eq 1 ]; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }

fresh
CSV_S=$(secs "$BIN" import children "$OUT/children.csv" --unit 421081 --database "$OUT/db.sqlite" --report "$OUT/csv.json")
fresh
XLSX_S=$(secs "$BIN" import children "$OUT/children.xlsx" --unit 421081 --database "$OUT/db.sqlite" --report "$OUT/xlsx.json")
rm -f "$OUT/plain.sqlite"
SQLITE_S=$(secs sqlite3 "$OUT/plain.sqlite" ".mode csv" ".import $OUT/children.csv plain")
OPENPYXL_S=$("$PY" bench/import_data.py --read-xlsx "$OUT/children.xlsx" | awk '{print $2}')
grep -h '"accepted"' "$OUT/csv.json" "$OUT/xlsx.json" | tr -d ' ,' | sed 's/^/  /'
rate() { echo "$N / $1" | bc -l | xargs printf '%.0f'; }
printf 'ours csv:   %8s rows/s (%.1f s)\n' "$(rate "$CSV_S")" "$CSV_S"
printf 'ours xlsx:  %8s rows/s (%.1f s)\n' "$(rate "$XLSX_S")" "$XLSX_S"
printf 'sqlite3 .import: %8s rows/s (%.2f s)\n' "$(rate "$SQLITE_S")" "$SQLITE_S"
printf 'openpyxl read-only: %8s rows/s (%.1f s)\n' "$(rate "$OPENPYXL_S")" "$OPENPYXL_S"
printf 'ratio ours(csv)/sqlite3 = %.3f (target >= 0.5)\n' "$(echo "$SQLITE_S / $CSV_S" | bc -l)"
printf 'ratio ours(xlsx)/openpyxl = %.2f (target >= 10)\n' "$(echo "$OPENPYXL_S / $XLSX_S" | bc -l)"

if [ "$M" -gt 0 ]; then
  "$PY" bench/import_data.py "$M" "$OUT/big.csv"
  fresh
  /usr/bin/time -v "$BIN" import children "$OUT/big.csv" --unit 421081 --database "$OUT/db.sqlite" --report "$OUT/big.json" > /dev/null 2> "$OUT/big.time" || true
  grep -h '"accepted"' "$OUT/big.json" | tr -d ' ,' | sed 's/^/  /'
  awk -F: '/Maximum resident/ {printf "peak memory importing %s rows: %.0f MB (target <= 150)\n", "'"$M"'", $2/1024} /Elapsed/ {sub(/.*\): /, ""); print "  elapsed " $0}' "$OUT/big.time"
fi
