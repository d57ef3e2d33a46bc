#!/usr/bin/env bash
# Registry look-ups on PostgreSQL under different store settings, side by side in one sitting
# (BENCHMARKS.md, "PostgreSQL at city scale"): one durable local PostgreSQL 15 cluster
# (scripts/with-postgres.sh, JCSKILLS_PG_DURABLE=1), PERSONS demo persons imported once, then
# for each ROUNDS × VARIANTS the registry restarted with that variant's `--store-setting`s and
# `jcskills-load registry --mix lookup=100` run against it. Release build; loopback only.
#
#   Benchmarks/postgres-lookups.sh
#   VARIANTS="postgres_prepared_reads=0 postgres_prepared_reads=1" Benchmarks/postgres-lookups.sh
#   VARIANTS="postgres_connections_per_loop=4 postgres_connections_per_loop=16+postgres_prepared_reads=1" ROUNDS=3 …
#   PROFILE=1 Benchmarks/postgres-lookups.sh    # perf, whole machine, 5 s of each run: $WORK/perf-<round>-<n>.data
#
#   VARIANTS="default socket" Benchmarks/postgres-lookups.sh   # TCP on loopback against the server's Unix socket
#   BIN=/tmp/oldbin Benchmarks/postgres-lookups.sh             # another build's binaries
#
# A variant is NAME=VALUE settings joined by "+" ("env:NAME=VALUE" sets an environment variable
# of the registry instead; "socket" connects over PostgreSQL's Unix socket, postgres+uds://);
# "default" starts the registry as shipped, over TCP.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JCSKILLS_TEST_POSTGRES_URL:-}" ]; then
  exec env JCSKILLS_PG_DURABLE=1 scripts/with-postgres.sh "$0" "$@"
fi
PERSONS=${PERSONS:-200000}
SEED=${SEED:-2020}
ROUNDS=${ROUNDS:-2}
DURATION=${DURATION:-10}
CONCURRENCY=${CONCURRENCY:-64}
CONNECTIONS=${CONNECTIONS:-1}
VARIANTS=${VARIANTS:-"postgres_prepared_reads=0 default"}
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$WORK"

server=${JCSKILLS_TEST_POSTGRES_URL%%\?*}
psql --quiet "$server" -c "CREATE DATABASE jcskills_registry" >/dev/null
tcp_template="${server%/*}/jcskills_{service}?sslmode=disable"
export DATABASE_TEMPLATE=$tcp_template

if [ -n "${BIN:-}" ]; then   # another build's binaries (a directory of release binaries)
  bin=$BIN
else
  swift build -c release --scratch-path .build-release >/dev/null
  bin=$(swift build -c release --scratch-path .build-release --show-bin-path)
fi
"$bin/jcskills" pki init --out "$WORK/pki" >/dev/null
[ -f "$WORK/demo/persons.csv" ] || "$bin/jcskills" demo-data registry --persons "$PERSONS" --seed "$SEED" --out "$WORK/demo" >/dev/null
. Benchmarks/services.sh
socket_template=$(postgres_socket_template "$server")

port=$(free_port)
start_service registry "$port" "$WORK/data/registry"
echo "postgres-lookups: $PERSONS persons, PostgreSQL $(psql -At "$server" -c 'SHOW server_version'), fsync $(psql -At "$server" -c 'SHOW fsync'); $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
jcs registry import --endpoint "127.0.0.1:$port" "$WORK/demo/persons.csv" | tail -1
stop_services; pids=()

for round in $(seq "$ROUNDS"); do
  for variant in $VARIANTS; do
    flags=() environment=()
    DATABASE_TEMPLATE=$tcp_template
    if [ "$variant" != default ]; then
      IFS=+ read -ra settings <<<"$variant"
      for setting in "${settings[@]}"; do
        case $setting in
          env:*) environment+=("${setting#env:}") ;;
          socket) DATABASE_TEMPLATE=$socket_template ;;
          *) flags+=(--store-setting "$setting") ;;
        esac
      done
    fi
    SERVICE_ENV="${environment[*]}" start_service registry "$port" "$WORK/data/registry" "${flags[@]}"
    n=$(( ${n:-0} + 1 ))
    profiler=
    if [ "${PROFILE:-0}" = 1 ]; then
      (sleep 4; perf record -a -g -o "$WORK/perf-$round-$n.data" -- sleep 5 >/dev/null 2>&1) &
      profiler=$!
    fi
    "$bin/jcskills-load" registry --endpoint "127.0.0.1:$port" --tls "$WORK/pki" --mix lookup=100 \
      --concurrency "$CONCURRENCY" --connections "$CONNECTIONS" --duration "$DURATION" --warmup 2 --json >"$WORK/lookups.json"
    [ -z "$profiler" ] || wait "$profiler" || true
    python3 - "$WORK/lookups.json" "$round" "$variant" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
latency = report["latency"]  # microseconds
print("round %s %-60s %8s calls/s  p50 %6.2f ms  p99 %6.2f ms  failed %d" % (
    sys.argv[2], sys.argv[3], format(round(report["callsPerSecond"]), ","),
    latency["p50"] / 1000, latency["p99"] / 1000, report["failedCalls"]))
PY
    stop_services; pids=()
  done
done
