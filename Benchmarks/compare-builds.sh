#!/usr/bin/env bash
# Two builds side by side at city scale, for "no speed target may regress": each build gets its
# own registry, evaluation service and gateway on a data directory of its own, loaded with the
# same demo files (PERSONS persons, about 0.7 certificates each); then, ROUNDS times, alternating
# base and new, on the same machine minutes apart:
#   - registry statistics, one caller (`jcskills-load registry --mix aggregate=100`): ≤ 20 ms;
#   - evaluation Counts, one caller (`jcskills-load evaluation --mix counts=100`): p99 ≤ 20 ms;
#   - gateway Totals, 64 outstanding, cache off (`jcskills-load gateway`): p99 ≤ 50 ms;
#   - registry look-ups, 64 outstanding (`jcskills-load registry --mix lookup=100`): ≥ 20,000
#     calls/s, p99 ≤ 10 ms.
# The imports' rows/s are printed too (target ≥ 30,000 for persons). Release binaries, loopback.
#
#   BASE_BIN=/tmp/prev-bin NEW_BIN=.build/release Benchmarks/compare-builds.sh
#   PERSONS=200000 ROUNDS=1 DURATION=5 BASE_BIN=… NEW_BIN=… Benchmarks/compare-builds.sh
set -euo pipefail
cd "$(dirname "$0")/.."
: "${BASE_BIN:?the base build's directory (jcskills, jcskills-registry, … jcskills-load)}"
: "${NEW_BIN:?the new build's directory}"
PERSONS=${PERSONS:-1500000}
ENTERPRISES=${ENTERPRISES:-5000}
SEED=${SEED:-2020}
ROUNDS=${ROUNDS:-2}
DURATION=${DURATION:-10}
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$WORK"
echo "compare-builds: $PERSONS persons, $ROUNDS rounds of $DURATION s, in $WORK; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

bin=$NEW_BIN
[ -d "$WORK/pki" ] || "$bin/jcskills" pki init --out "$WORK/pki" >/dev/null
if [ ! -f "$WORK/demo/certificates.csv" ]; then
  "$bin/jcskills" demo-data registry --persons "$PERSONS" --enterprises "$ENTERPRISES" --seed "$SEED" --out "$WORK/demo" >/dev/null
  "$bin/jcskills" demo-data evaluation --persons "$PERSONS" --enterprises "$ENTERPRISES" --seed "$SEED" --out "$WORK/demo" >/dev/null
fi
. Benchmarks/services.sh

declare -A port
for build in base new; do
  bin=$([ "$build" = base ] && echo "$BASE_BIN" || echo "$NEW_BIN")
  port[$build-registry]=$(free_port); port[$build-evaluation]=$(free_port); port[$build-gateway]=$(free_port)
  port[$build-training]=$(free_port)
  start_service registry "${port[$build-registry]}" "$WORK/$build/registry"
  start_service evaluation "${port[$build-evaluation]}" "$WORK/$build/evaluation" --peer "registry=127.0.0.1:${port[$build-registry]}"
  # The shipped catalogue reads the training service too; here it holds no courses.
  start_service training "${port[$build-training]}" "$WORK/$build/training" --peer "registry=127.0.0.1:${port[$build-registry]}" \
    --peer "evaluation=127.0.0.1:${port[$build-evaluation]}"
  printf 'gateway:\n  cache_ms: 0\n  dashboard:\n    enabled: false\n' >"$WORK/gateway.yaml"
  start_service gateway "${port[$build-gateway]}" "$WORK/$build/gateway" --config "$WORK/gateway.yaml" \
    --peer "registry=127.0.0.1:${port[$build-registry]}" --peer "evaluation=127.0.0.1:${port[$build-evaluation]}" \
    --peer "training=127.0.0.1:${port[$build-training]}"
  registry=(--endpoint "127.0.0.1:${port[$build-registry]}")
  evaluation=(--endpoint "127.0.0.1:${port[$build-evaluation]}")
  echo "== $build: loading"
  jcs registry import "${registry[@]}" "$WORK/demo/persons.csv" | { grep -E "rows/s" || true; }
  jcs registry import-enterprises "${registry[@]}" "$WORK/demo/enterprises.csv" | tail -1
  jcs registry import-demand "${registry[@]}" "$WORK/demo/demand.csv" | tail -1
  jcs evaluation import-institutions "${evaluation[@]}" "$WORK/demo/institutions.csv" | tail -1
  jcs evaluation import "${evaluation[@]}" "$WORK/demo/certificates.csv" | { grep -E "rows/s" || true; }
done

measure() {  # build
  local build=$1 load
  load=$([ "$build" = base ] && echo "$BASE_BIN" || echo "$NEW_BIN")/jcskills-load
  local tls=(--tls "$WORK/pki" --duration "$DURATION")
  echo "-- $build $(date +%H:%M:%S), load $(cut -d' ' -f1 /proc/loadavg)"
  "$load" registry --endpoint "127.0.0.1:${port[$build-registry]}" "${tls[@]}" --mix aggregate=100 --concurrency 1 | grep -E "latency|calls/s" | sed "s/^/   registry statistics: /"
  "$load" evaluation --endpoint "127.0.0.1:${port[$build-evaluation]}" "${tls[@]}" --mix counts=100 --concurrency 1 | grep -E "latency|calls/s" | sed "s/^/   evaluation counts:   /"
  "$load" gateway --endpoint "127.0.0.1:${port[$build-gateway]}" "${tls[@]}" --concurrency 64 | grep -E "latency|calls/s" | sed "s/^/   gateway totals:      /"
  "$load" registry --endpoint "127.0.0.1:${port[$build-registry]}" "${tls[@]}" --mix lookup=100 --concurrency 64 --warmup 1 | grep -E "latency|calls/s" | sed "s/^/   registry look-ups:   /"
}
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) = 1 ]; then measure base; measure new; else measure new; measure base; fi
done
for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
wait 2>/dev/null || true
echo "compare-builds: finished $(date '+%Y-%m-%d %H:%M:%S')"
