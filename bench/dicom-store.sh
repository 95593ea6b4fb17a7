#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# DICOM store benchmark: builds profiles/dicom and the bench, then runs net.imagingexchange.bench.DicomStoreBench,
# which writes a study once (bench/target/dicom-store-bench/study), starts our C-STORE SCP (DicomStoreScp) in a JVM
# of its own and dcmtk's storescp, times dcmtk's storescu sending the whole study to each in alternating rounds,
# and prints the report (also written to bench/target/dicom-store-bench/report.txt). Logs and received files there.
#
# usage: bench/dicom-store.sh [--instances 500] [--rows 512] [--columns 512] [--rounds 5] [--warmup 1]
#        [--reference on|off] [--peer-pdu 131072]
#        environment: BENCH_SKIP_BUILD=1 reuses the last build; BENCH_SCP_JAVA_OPTS (default -Xmx512m, our SCP's
#                     JVM); BENCH_JAVA_OPTS (default -Xmx512m, the bench's own JVM: study, storescu, checks)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
TARGET="$BENCH/target"

die() { echo "dicom-store.sh: $*" >&2; exit 1; }

for arg in "$@"; do
  case "$arg" in -h|--help) sed -n '3,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0;; esac
done
for tool in storescu storescp echoscu; do
  [ -x "/usr/bin/$tool" ] || die "/usr/bin/$tool is missing: apt-get install dcmtk"
done
command -v sync >/dev/null || die "sync (coreutils) is missing"

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  echo "[bench] building profiles/dicom and bench" >&2
  (cd "$ROOT" && ./mvnw -B -q -DskipTests -pl profiles/dicom,bench -am package dependency:build-classpath \
      -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime)
fi
[ -f "$TARGET/classpath.txt" ] || die "no $TARGET/classpath.txt: run without BENCH_SKIP_BUILD=1"
grep -q 'profiles-dicom\|profiles/dicom' "$TARGET/classpath.txt" \
  || die "$TARGET/classpath.txt has no profiles-dicom (an older build): run without BENCH_SKIP_BUILD=1"

# our SCP's JVM gets the same classpath (DicomStoreScp, profiles-dicom, logback)
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xmx512m} -cp "$TARGET/classes:$(cat "$TARGET/classpath.txt")" \
  net.imagingexchange.bench.DicomStoreBench --scp-java-opts "${BENCH_SCP_JAVA_OPTS:--Xmx512m}" \
  --work-dir "$TARGET/dicom-store-bench" "$@"
