#!/usr/bin/env bash
# The MTD benchmark of docs/benchmarks.md: trains on the 762 nominal training images of
# ../shared/data/mtd/split.csv (the paper's protocol) and evaluates the 582 test images.
# Each row of docs/benchmarks.md names the options it was run with; by default this runs the
# project's accurate preset and the paper's ablations from one training (no shifting).
#   scripts/benchmark-mtd.sh [label] [extra scripts/npad evaluate options...]
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${NPAD_MTD:-../shared/data/mtd/split.csv}
[ -f "$DATA" ] || { echo "benchmark-mtd.sh: $DATA not found (set NPAD_MTD)" >&2; exit 1; }
label=${1:-accurate}
shift || true
NPAD_JAVA_OPTS=${NPAD_JAVA_OPTS:--Xmx6g} exec scripts/npad evaluate --data "$DATA" --label "$label" \
	--report target/benchmarks --variants npad,exp1,exp2,exp3,exp4,exp5 --set shift=0 "$@"
