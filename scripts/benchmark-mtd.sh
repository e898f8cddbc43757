#!/usr/bin/env bash
# The MTD benchmark of docs/benchmarks.md: trains on the 762 nominal training images of
# ../shared/data/mtd/split.csv (the paper's protocol) and evaluates the 582 test images.
# By default the accurate preset; it is trained with the paper's image score so that the centroid
# bank is learned, and then scored as the default (toppixels: the mean of the hottest 1 % of the
# map), with the hottest pixel alone (maxpixel), as the paper (npad = exp5) and as the paper's
# ablations exp1..exp4, all from that one training (no shifting).
#   scripts/benchmark-mtd.sh [label] [extra scripts/npad evaluate options, e.g. --preset fast]
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${NPAD_MTD:-../shared/data/mtd/split.csv}
[ -f "$DATA" ] || { echo "benchmark-mtd.sh: $DATA not found (set NPAD_MTD)" >&2; exit 1; }
label=${1:-accurate}
shift || true
NPAD_JAVA_OPTS=${NPAD_JAVA_OPTS:--Xmx6g} exec scripts/npad evaluate --data "$DATA" --label "$label" \
	--report target/benchmarks --variants toppixels,maxpixel,npad,exp1,exp2,exp3,exp4,exp5 --set image_score=top_k_centroid "$@"
