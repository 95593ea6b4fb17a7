#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Imaging source benchmark: builds the exchange and the bench, then runs net.imagingexchange.bench.ImagingSourceBench,
# which writes one study per round (bench/target/imaging-source-bench/study-N), starts the exchange's fat jar, dcmtk's
# storescp and a private Orthanc on free loopback ports, times storescu sending each study to the imaging source and
# to storescp, the publication latency until the study's manifest is queryable (ITI-18), and WADO-RS retrieval of a
# study from ours and from Orthanc, and prints the report (also bench/target/imaging-source-bench/report.txt).
#
# usage: bench/imaging-source.sh [--instances 500] [--rows 512] [--columns 512] [--rounds 3] [--warmup 1]
#        [--clients 4]
#        environment: BENCH_SKIP_BUILD=1 reuses the last build; BENCH_EXCHANGE_JAVA_OPTS (default -Xmx1g, the
#                     exchange's JVM); BENCH_JAVA_OPTS (default -Xmx512m, the bench's own JVM: studies, clients)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
TARGET="$BENCH/target"
JAR="$ROOT/exchange/target/exchange.jar"

die() { echo "imaging-source.sh: $*" >&2; exit 1; }

for arg in "$@"; do
  case "$arg" in -h|--help) sed -n '3,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0;; esac
done
for tool in storescu storescp echoscu; do
  [ -x "/usr/bin/$tool" ] || die "/usr/bin/$tool is missing: apt-get install dcmtk"
done
[ -x /usr/sbin/Orthanc ] && [ -f /usr/share/orthanc/plugins/libOrthancDicomWeb.so ] \
  || die "Orthanc or its DICOMweb plugin is missing: apt-get install orthanc orthanc-dicomweb"
command -v sync >/dev/null || die "sync (coreutils) is missing"

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  echo "[bench] building exchange and bench" >&2
  (cd "$ROOT" && ./mvnw -B -q -DskipTests -pl exchange,bench -am package dependency:build-classpath \
      -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime)
fi
[ -f "$JAR" ] || die "no $JAR: run without BENCH_SKIP_BUILD=1"
[ -f "$TARGET/classpath.txt" ] || die "no $TARGET/classpath.txt: run without BENCH_SKIP_BUILD=1"
grep -q 'profiles-dicom\|profiles/dicom' "$TARGET/classpath.txt" \
  || die "$TARGET/classpath.txt has no profiles-dicom (an older build): run without BENCH_SKIP_BUILD=1"

# the bench writes the studies with profiles-dicom; the exchange runs from its own jar
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xmx512m} -cp "$TARGET/classes:$(cat "$TARGET/classpath.txt")" \
  net.imagingexchange.bench.ImagingSourceBench --exchange-jar "$JAR" \
  --exchange-java-opts "${BENCH_EXCHANGE_JAVA_OPTS:--Xmx1g}" --work-dir "$TARGET/imaging-source-bench" "$@"
