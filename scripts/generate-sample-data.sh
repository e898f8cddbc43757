#!/usr/bin/env bash
# Regenerates the synthetic sample data set from its seed (pure Java, no network, a few seconds).
# Usage: scripts/generate-sample-data.sh [SEED] [DIR]   (defaults: 1 and sample-data, the committed set)
set -euo pipefail
cd "$(dirname "$0")/.."
seed="${1:-1}"
out="${2:-sample-data}"
mvn -B -q -o compile || mvn -B -q compile
java -cp target/classes org.npad.image.sample.SampleDataGenerator --seed "$seed" --out "$out"
