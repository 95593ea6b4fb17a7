#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Registry benchmark: builds the bench, starts a throwaway MariaDB on a free loopback port under
# bench/target/mariadb, runs net.imagingexchange.bench.RegistryBench against it, stops MariaDB and prints the
# report (also written to bench/target/registry-bench/report.txt).
#
# usage: bench/registry.sh [--submissions 100000] [--queries 2000] [--threads 4] [--patients N] [--rounds 10]
#        environment: BENCH_SKIP_BUILD=1 reuses the last build; BENCH_JAVA_OPTS (default -Xms1g -Xmx2g);
#                     BENCH_BUFFER_POOL (default 2G, InnoDB buffer pool shared by both databases)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
TARGET="$BENCH/target"
DBDIR="$TARGET/mariadb"
MARIADBD=/usr/sbin/mariadbd
OSUSER=$(id -un)

die() { echo "registry.sh: $*" >&2; exit 1; }

for arg in "$@"; do
  case "$arg" in -h|--help) sed -n '3,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0;; esac
done
[ -x "$MARIADBD" ] || die "$MARIADBD is missing: apt-get install mariadb-server mariadb-client"
command -v mariadb-install-db >/dev/null || die "mariadb-install-db is missing: apt-get install mariadb-server"

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  echo "[bench] building registry and bench" >&2
  (cd "$ROOT" && ./mvnw -B -q -DskipTests -pl bench -am package dependency:build-classpath \
      -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime)
fi
[ -f "$TARGET/classpath.txt" ] || die "no $TARGET/classpath.txt: run without BENCH_SKIP_BUILD=1"

# a free port on 127.0.0.1: nothing answers a TCP connect there
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"; return 0
    fi
  done
  die "no free port found on 127.0.0.1"
}

PORT=$(free_port)
rm -rf "$DBDIR"
mkdir -p "$DBDIR/tmp"
# unix socket paths are limited to 107 bytes
SOCK="$DBDIR/mysqld.sock"
[ "${#SOCK}" -le 100 ] || SOCK=$(mktemp -u /tmp/bench-mariadb-XXXXXX.sock)
PID=''

stop_mariadb() {
  [ -n "$PID" ] || return 0
  # SIGTERM is mariadbd's clean shutdown
  kill -TERM "$PID" 2>/dev/null || return 0
  for _ in $(seq 1 600); do
    kill -0 "$PID" 2>/dev/null || { PID=''; return 0; }
    sleep 0.2
  done
  echo "registry.sh: mariadbd $PID did not stop within 120 s; killing it" >&2
  kill -KILL "$PID" 2>/dev/null || true
  PID=''
}
trap stop_mariadb EXIT
trap 'exit 130' INT TERM

# innodb_flush_log_at_trx_commit=2 as in the registry's MariaDB tests: commits are not fsynced one by one, so the
# figures show CPU and round trips, not the disk; both sides run under the same setting.
cat >"$DBDIR/my.cnf" <<CNF
[mariadbd]
datadir=$DBDIR/data
socket=$SOCK
pid-file=$DBDIR/mariadbd.pid
log-error=$DBDIR/mariadbd.err
tmpdir=$DBDIR/tmp
port=$PORT
bind-address=127.0.0.1
skip-name-resolve
skip-log-bin
performance_schema=OFF
character-set-server=utf8mb4
collation-server=utf8mb4_bin
max_connections=100
innodb_buffer_pool_size=${BENCH_BUFFER_POOL:-2G}
innodb_log_file_size=512M
innodb_flush_log_at_trx_commit=2
CNF

echo "[bench] starting MariaDB on 127.0.0.1:$PORT ($DBDIR)" >&2
mariadb-install-db --defaults-file="$DBDIR/my.cnf" --user="$OSUSER" \
    --auth-root-authentication-method=socket --auth-root-socket-user="$OSUSER" \
    --skip-test-db --skip-name-resolve >"$DBDIR/install-db.log" 2>&1 \
  || { cat "$DBDIR/install-db.log" >&2; die "mariadb-install-db failed"; }
"$MARIADBD" --defaults-file="$DBDIR/my.cnf" --user="$OSUSER" >>"$DBDIR/mariadbd.out" 2>&1 </dev/null &
PID=$!
for i in $(seq 1 450); do
  mariadb-admin --no-defaults --protocol=SOCKET -S "$SOCK" -u "$OSUSER" ping >/dev/null 2>&1 && break
  kill -0 "$PID" 2>/dev/null || { tail -n 20 "$DBDIR/mariadbd.err" >&2; die "mariadbd exited"; }
  [ "$i" -lt 450 ] || die "mariadbd did not answer within 90 s"
  sleep 0.2
done
mariadb --no-defaults --protocol=SOCKET -S "$SOCK" -u "$OSUSER" -e \
  "CREATE USER 'bench'@'127.0.0.1' IDENTIFIED BY 'bench'; GRANT ALL PRIVILEGES ON *.* TO 'bench'@'127.0.0.1';"

# shellcheck disable=SC2086
java ${BENCH_JAVA_OPTS:--Xms1g -Xmx2g} -cp "$TARGET/classes:$(cat "$TARGET/classpath.txt")" \
  net.imagingexchange.bench.RegistryBench \
  --jdbc-url "jdbc:mysql://127.0.0.1:$PORT/" --db-user bench --db-password bench \
  --work-dir "$TARGET/registry-bench" "$@"
