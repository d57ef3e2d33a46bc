#!/usr/bin/env bash
# Registrations alone against two builds side by side: the single-write path and its group
# commit. Each build gets its own registry holding the same PERSONS demo persons (imported
# first); then, ROUNDS times, alternating base / new and new / base, on the same machine minutes
# apart, `jcskills-load registry --mix register=100 --concurrency 64` for DURATION s (fresh persons
# never meet a demo person: Sources/LoadKit/Workloads/SyntheticPerson.swift). The new build's
# jcskills-load drives both, so only the servers differ. Release binaries, loopback, mutual TLS.
#
# SQLite by default (the registry's own file, `synchronous=FULL`). With POSTGRES=postgres://user@host:port
# each build's registry gets a database of its own on that server (created with psql): give it
# a server with its durable defaults (fsync and synchronous_commit on): scripts/with-postgres.sh
# only with JCSKILLS_PG_DURABLE=1, as Benchmarks/postgres-scale.sh runs it.
#
#   BASE_BIN=/tmp/base-bin NEW_BIN=.build/release Benchmarks/registration-scale.sh
#   PERSONS=200000 ROUNDS=3 DURATION=10 POSTGRES=postgres://postgres@127.0.0.1:5432 BASE_BIN=… NEW_BIN=… Benchmarks/registration-scale.sh
#   BASE_BIN=.build-release/release NEW_BIN=.build-release/release BASE_ARGS="--store-setting group_commit=0" …   # one build, two settings
set -euo pipefail
export JCSKILLS_LANG=en   # the reports are grepped in English
cd "$(dirname "$0")/.."
: "${BASE_BIN:?the base build's directory (jcskills, jcskills-registry, jcskills-load)}"
: "${NEW_BIN:?the new build's directory}"
PERSONS=${PERSONS:-200000}
SEED=${SEED:-2020}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10}
CONCURRENCY=${CONCURRENCY:-64}
POSTGRES=${POSTGRES:-}
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$WORK"
backend=SQLite; [ -z "$POSTGRES" ] || backend="PostgreSQL at $POSTGRES"
echo "registration-scale: $PERSONS persons, $ROUNDS rounds of $DURATION s at $CONCURRENCY outstanding on $backend, in $WORK; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

bin=$NEW_BIN
[ -d "$WORK/pki" ] || "$bin/jcskills" pki init --out "$WORK/pki" >/dev/null
[ -f "$WORK/demo/persons.csv" ] || "$bin/jcskills" demo-data registry --persons "$PERSONS" --seed "$SEED" --out "$WORK/demo" >/dev/null
. Benchmarks/services.sh

declare -A port
for build in base new; do
  bin=$([ "$build" = base ] && echo "$BASE_BIN" || echo "$NEW_BIN")
  port[$build]=$(free_port)
  database=()
  if [ -n "$POSTGRES" ]; then
    name="jcs_registration_${build}_$$"
    psql -q "$POSTGRES/postgres" -c "CREATE DATABASE $name" >/dev/null
    database=(--database "$POSTGRES/$name")
  fi
  args=()
  if [ "$build" = base ]; then read -ra args <<<"${BASE_ARGS:-}"; else read -ra args <<<"${NEW_ARGS:-}"; fi
  start_service registry "${port[$build]}" "$WORK/$build/registry" "${database[@]}" "${args[@]}"
  echo "== $build: loading"
  jcs registry import --endpoint "127.0.0.1:${port[$build]}" "$WORK/demo/persons.csv" | { grep -E "rows/s" || true; }
done

measure() {  # build
  local build=$1
  echo "-- $build $(date +%H:%M:%S), load $(cut -d' ' -f1 /proc/loadavg)"
  "$NEW_BIN/jcskills-load" registry --endpoint "127.0.0.1:${port[$build]}" --tls "$WORK/pki" --fixtures 1 \
    --mix register=100 --concurrency "$CONCURRENCY" --duration "$DURATION" --warmup 1 \
    | grep -E "latency|calls/s|errors|failed" | sed "s/^/   registrations: /"
}
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) = 1 ]; then measure base; measure new; else measure new; measure base; fi
done
stop_services
echo "registration-scale: finished $(date '+%Y-%m-%d %H:%M:%S')"
