#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Repository retrieve benchmark: builds the exchange and the bench, then runs net.imagingexchange.bench.RetrieveBench,
# which starts the exchange's fat jar in JVMs of its own on free loopback ports, provides the documents over ITI-41,
# times ITI-43 against a plain HTTP download of the same stored files, and prints the report (also written to
# bench/target/retrieve-bench/report.txt). Data and logs: bench/target/retrieve-bench.
#
# usage: bench/repository.sh [--large-mib 200] [--small-count 100] [--small-mib 1] [--threads 4] [--batch 10]
#        [--rounds 5] [--rss-mib 50]
#        environment: BENCH_SKIP_BUILD=1 reuses the last build; BENCH_EXCHANGE_JAVA_OPTS (default -Xmx1g, the
#                     exchange's and the plain file server's JVMs); BENCH_JAVA_OPTS (default -Xmx512m, the clients)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
TARGET="$BENCH/target"
JAR="$ROOT/exchange/target/exchange.jar"

die() { echo "repository.sh: $*" >&2; exit 1; }

for arg in "$@"; do
  case "$arg" in -h|--help) sed -n '3,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0;; esac
done

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  echo "[bench] building exchange and bench" >&2
  (cd "$ROOT" && ./mvnw -B -q -DskipTests -pl exchange,bench -am package)
fi
[ -f "$JAR" ] || die "no $JAR: run without BENCH_SKIP_BUILD=1"
[ -d "$TARGET/classes" ] || die "no $TARGET/classes: run without BENCH_SKIP_BUILD=1"

# the bench itself needs only the JDK: its classes are the whole classpath (the file server's too)
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xmx512m} -cp "$TARGET/classes" net.imagingexchange.bench.RetrieveBench \
  --exchange-jar "$JAR" --exchange-java-opts "${BENCH_EXCHANGE_JAVA_OPTS:--Xmx1g}" \
  --work-dir "$TARGET/retrieve-bench" "$@"
