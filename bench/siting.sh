#!/usr/bin/env bash
# City-scale station siting: our greedy + swaps + bound against OR-tools CP-SAT (2 workers, 120 s per N) on the
# same generated 石首市 instance (204 villages, 48,000 left-behind children, 204 village-committee and 120 school
# sites, reach 3,000 m). Prints per N both objectives, CP-SAT's status and best bound, our bound, both times, and the
# ratios ours/CP-SAT: objective (target >= 0.99) and time (target <= 1.0).
#
#   bench/siting.sh                          # release build of guanai (slow to build the first time)
#   BUILD=debug bench/siting.sh              # a debug build: our times are then debug times, and say so
#   SEED=7 COUNTS=5,10 LIMIT=30 bench/siting.sh
#   OURS="path/to/guanai bench-siting" bench/siting.sh   # a prebuilt binary
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PY:-.ci-work/venv/bin/python}
BUILD=${BUILD:-release}
OURS=${OURS:-swift run -c $BUILD guanai bench-siting}
SEED=${SEED:-20240601}
COUNTS=${COUNTS:-5,10,20,40}
REACH=${REACH:-3000}
WORKERS=${WORKERS:-2}
LIMIT=${LIMIT:-120}
FILE=${SITING_FILE:-.ci-work/siting-${SEED}-${REACH}.json}
mkdir -p "$(dirname "$FILE")"

if [ ! -x "$PY" ]; then python3 -m venv "$(dirname "$(dirname "$PY")")"; fi
"$PY" -c 'import ortools' 2>/dev/null || "$PY" -m pip install -q ortools

# Build first so the timed run below is not competing with the compiler.
$OURS --help >/dev/null 2>&1 || true
ours=$($OURS --seed "$SEED" --reach "$REACH" --counts "$COUNTS" --export "$FILE")
theirs=$("$PY" bench/siting_cpsat.py "$FILE" "$COUNTS" "$WORKERS" "$LIMIT")

get() { printf '%s\n' "$1" | awk -v n="$2" -v k="$3" '$2 == n { for (i = 1; i < NF; i++) if ($i == k) print $(i + 1) }'; }
echo "instance  $FILE  (seed $SEED, reach $REACH m, our build: $BUILD; CP-SAT: $WORKERS workers, ${LIMIT} s limit)"
printf '%4s %10s %10s %10s %10s %-10s %9s %9s %9s %9s\n' N ours cpsat our_bound cpsat_bnd cpsat_st ours_s cpsat_s obj_ratio time_ratio
fail=0
for n in ${COUNTS//,/ }; do
    o=$(get "$ours" "$n" objective); ob=$(get "$ours" "$n" bound); os=$(get "$ours" "$n" seconds)
    c=$(get "$theirs" "$n" objective); cb=$(get "$theirs" "$n" bound); cs=$(get "$theirs" "$n" seconds); st=$(get "$theirs" "$n" status)
    line=$(awk -v n="$n" -v o="$o" -v ob="$ob" -v os="$os" -v c="$c" -v cb="$cb" -v cs="$cs" -v st="$st" 'BEGIN {
        r = (c > 0) ? o / c : 1; t = (cs > 0) ? os / cs : 0
        printf "%4d %10d %10d %10d %10d %-10s %9.3f %9.3f %9.4f %9.4f", n, o, c, ob, cb, st, os, cs, r, t }')
    echo "$line"
    # Our bound is a proof: CP-SAT finding more than it would be a bug in ours.
    if [ "$c" -gt "$ob" ]; then echo "  CP-SAT objective $c exceeds our bound $ob" >&2; fail=1; fi
done
exit $fail
