#!/usr/bin/env bash
# City-scale pairing benchmark: our exact solver against OR-tools' SimpleMinCostFlow on the
# same generated instance. Prints both optimal costs, whether they agree, both solve times
# (instance building and parsing excluded) and the ratio ours/OR-tools (target ≤ 1.0).
#
#   bench/pairing.sh                      # 48,000 children, 12,000 volunteers, 50 candidates each
#   SEED=7 CHILDREN=4800 VOLUNTEERS=1200 bench/pairing.sh
#   OURS=path/to/guanai\ bench-pairing bench/pairing.sh   # a prebuilt binary
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PY:-.ci-work/venv/bin/python}
OURS=${OURS:-swift run -c release guanai bench-pairing}
SEED=${SEED:-20240601}
CHILDREN=${CHILDREN:-48000}
VOLUNTEERS=${VOLUNTEERS:-12000}
FILE=${PAIRING_FILE:-.ci-work/pairing-${CHILDREN}x${VOLUNTEERS}-${SEED}.txt}
mkdir -p "$(dirname "$FILE")"

if [ ! -x "$PY" ]; then python3 -m venv "$(dirname "$(dirname "$PY")")"; fi
"$PY" -c 'import ortools, numpy' 2>/dev/null || "$PY" -m pip install -q ortools numpy

if [ ! -s "$FILE" ]; then
    "$PY" bench/pairing_instance.py generate "$FILE" --seed "$SEED" \
        --children "$CHILDREN" --volunteers "$VOLUNTEERS"
fi

# Build first so the timed run below is not competing with the compiler.
$OURS --help >/dev/null 2>&1 || true
ours=$($OURS "$FILE")
theirs=$("$PY" bench/pairing_instance.py ortools "$FILE")

field() { printf '%s\n' "$1" | awk -v k="$2" '$1 == k { print $2 }'; }
ours_cost=$(field "$ours" cost);     theirs_cost=$(field "$theirs" cost)
ours_s=$(field "$ours" seconds);     theirs_s=$(field "$theirs" seconds)
ours_cpu=$(field "$ours" cpu_seconds); theirs_cpu=$(field "$theirs" cpu_seconds)

equal=no; [ "$ours_cost" = "$theirs_cost" ] && equal=yes
echo "instance        $FILE"
echo "ours cost       $ours_cost"
echo "or-tools cost   $theirs_cost"
echo "costs equal     $equal"
printf 'ours solve      %.3f s wall, %.3f s cpu\n' "$ours_s" "$ours_cpu"
printf 'or-tools solve  %.3f s wall, %.3f s cpu\n' "$theirs_s" "$theirs_cpu"
awk -v a="$ours_s" -v b="$theirs_s" -v c="$ours_cpu" -v d="$theirs_cpu" \
    'BEGIN { printf "ratio ours/or-tools  %.3f wall, %.3f cpu (target <= 1.0)\n", a / b, c / d }'
[ "$equal" = yes ]
