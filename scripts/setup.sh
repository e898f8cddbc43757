#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks for N-pad's build and tests; each step is skipped when
# already done. Needs Maven, a JDK 17+ and npm (all on the project's machines).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in mvn java npm; do
	command -v "$tool" >/dev/null || { echo "setup.sh: $tool is required but not installed" >&2; exit 1; }
done
if ! command -v Xvfb >/dev/null; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		echo "setup.sh: installing Xvfb (for the ImageJ 1 window test)"
		(apt-get install -y -q xvfb >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q xvfb >/dev/null; }) \
			|| echo "setup.sh: could not install Xvfb; the window test will be skipped" >&2
	else
		echo "setup.sh: Xvfb missing and cannot be installed here; the window test will be skipped" >&2
	fi
fi
# Compile once so the converter can run, then fetch and convert the backbone weights.
args=(-B -q compile dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/npad-classpath.txt)
mvn -o "${args[@]}" 2>/dev/null || mvn "${args[@]}"
bash scripts/fetch-backbone.sh --classpath "$PWD/target/classes:$(cat target/npad-classpath.txt)"
