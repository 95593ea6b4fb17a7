#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Consumer adapter benchmark: builds the exchange and the bench, then runs net.imagingexchange.bench.ConsumerBench,
# which writes a study (bench/target/consumer-bench/study-1), starts the exchange's fat jar on free loopback ports,
# sends the study to its imaging source with storescu, waits for the manifest, and times WADO-RS retrieval of the study
# straight from the imaging source and through a reading site's façade (/consumer/dicomweb): that of the same exchange
# (the source answers in-process), then that of a second exchange started as the reading site (over HTTP); prints the
# report (also bench/target/consumer-bench/report.txt).
#
# usage: bench/consumer.sh [--instances 500] [--rows 512] [--columns 512] [--rounds 3] [--warmup 1] [--clients 4]
#        environment: BENCH_SKIP_BUILD=1 reuses the last build; BENCH_EXCHANGE_JAVA_OPTS (default -Xmx1g, the
#                     exchange's JVM); BENCH_JAVA_OPTS (default -Xmx512m, the bench's own JVM: study, clients)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
TARGET="$BENCH/target"
JAR="$ROOT/exchange/target/exchange.jar"

die() { echo "consumer.sh: $*" >&2; exit 1; }

for arg in "$@"; do
  case "$arg" in -h|--help) sed -n '3,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0;; esac
done
[ -x /usr/bin/storescu ] || die "/usr/bin/storescu is missing: apt-get install dcmtk"

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  echo "[bench] building exchange and bench" >&2
  (cd "$ROOT" && ./mvnw -B -q -DskipTests -pl exchange,bench -am package dependency:build-classpath \
      -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime)
fi
[ -f "$JAR" ] || die "no $JAR: run without BENCH_SKIP_BUILD=1"
[ -f "$TARGET/classpath.txt" ] || die "no $TARGET/classpath.txt: run without BENCH_SKIP_BUILD=1"

# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xmx512m} -cp "$TARGET/classes:$(cat "$TARGET/classpath.txt")" \
  net.imagingexchange.bench.ConsumerBench --exchange-jar "$JAR" \
  --exchange-java-opts "${BENCH_EXCHANGE_JAVA_OPTS:--Xmx1g}" --work-dir "$TARGET/consumer-bench" "$@"
