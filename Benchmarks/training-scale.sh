#!/usr/bin/env bash
# The training targets (BENCHMARKS.md, "Training at scale"): ENROLMENTS enrolments through the
# protocol with the registry's verification on each (class lists: `jcskills-load training --mix
# list=1`, the registry asked once per list), then a result for each (the provider's file through
# `jcskills training results upload`), then the year's indicator set at that size, and the
# gateway's Totals over registry + evaluation + training against the same gateway without the
# training indicators, in the same sitting. The registry and evaluation service hold the city's
# demo data (PERSONS persons, their certificates), as in gateway-scale.sh. Release build;
# loopback only; everything under WORK.
#
#   Benchmarks/training-scale.sh                            # 1.5 M persons, 200,000 enrolments
#   PERSONS=20000 ENROLMENTS=20000 DURATION=5 Benchmarks/training-scale.sh
#   WORK=/tmp/tr Benchmarks/training-scale.sh               # keep the generated CSV files
set -euo pipefail
cd "$(dirname "$0")/.."
PERSONS=${PERSONS:-1500000}
ENTERPRISES=${ENTERPRISES:-5000}
SEED=${SEED:-2020}
ENROLMENTS=${ENROLMENTS:-200000}
LIST=${LIST:-1000}
DURATION=${DURATION:-20}
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$WORK"
echo "training-scale: $PERSONS persons, $ENROLMENTS enrolments in lists of $LIST, in $WORK"

if [ -z "${BIN:-}" ]; then
  swift build -c release --scratch-path .build-release >/dev/null
  BIN=$(swift build -c release --scratch-path .build-release --show-bin-path)
fi
bin=$BIN
[ -d "$WORK/pki" ] || "$bin/jcskills" pki init --out "$WORK/pki" >/dev/null
if [ ! -f "$WORK/demo/certificates.csv" ]; then
  "$bin/jcskills" demo-data registry --persons "$PERSONS" --enterprises "$ENTERPRISES" --seed "$SEED" --out "$WORK/demo"
  "$bin/jcskills" demo-data evaluation --persons "$PERSONS" --enterprises "$ENTERPRISES" --seed "$SEED" --out "$WORK/demo"
fi

. Benchmarks/services.sh
rm -rf "$WORK/data" "$WORK"/*.log
ports=("$(free_port)" "$(free_port)" "$(free_port)" "$(free_port)" "$(free_port)" "$(free_port)")  # registry evaluation training gateway gateway-without-training competition
start() { local service=$1 port=$2 dir=$3; shift 3; start_service "$service" "$port" "$WORK/data/$dir" "$@"; }
start registry "${ports[0]}" registry
start evaluation "${ports[1]}" evaluation --peer "registry=127.0.0.1:${ports[0]}"
start training "${ports[2]}" training --peer "registry=127.0.0.1:${ports[0]}" --peer "evaluation=127.0.0.1:${ports[1]}"
# The shipped catalogue reads the competition service too; here it holds no competition.
start competition "${ports[5]}" competition --peer "registry=127.0.0.1:${ports[0]}" --peer "evaluation=127.0.0.1:${ports[1]}"
registry=(--endpoint "127.0.0.1:${ports[0]}")
evaluation=(--endpoint "127.0.0.1:${ports[1]}")
jcs registry import "${registry[@]}" "$WORK/demo/persons.csv" | tail -1
jcs registry import-enterprises "${registry[@]}" "$WORK/demo/enterprises.csv" | tail -1
jcs evaluation import-institutions "${evaluation[@]}" "$WORK/demo/institutions.csv" | tail -1
jcs evaluation import "${evaluation[@]}" "$WORK/demo/certificates.csv" | tail -1

cpu() { awk '{print $14+$15}' "/proc/$1/stat"; }   # clock ticks of user + system time
cpu_report() {  # label before-ticks…: CPU seconds each service used since
  local label=$1; shift
  local names=(registry evaluation training) i=0
  for before in "$@"; do
    echo "cpu          $label: ${names[$i]} $(awk -v t="$(($(cpu "${pids[$i]}") - before))" -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.1f", t/hz}') s"
    i=$((i + 1))
  done
}

echo "training-scale: enrolments (class lists of $LIST, ImportEnrolments)"
before=("$(cpu "${pids[0]}")" "$(cpu "${pids[1]}")" "$(cpu "${pids[2]}")")
"$bin/jcskills-load" training --endpoint "127.0.0.1:${ports[2]}" --registry "127.0.0.1:${ports[0]}" --tls "$WORK/pki" \
  --mix list=1 --list-size "$LIST" --persons "$ENROLMENTS" --requests $((ENROLMENTS / LIST)) --concurrency 4 --warmup 0 \
  --timeout 120 --json >"$WORK/enrol.json"
python3 - "$WORK/enrol.json" "$LIST" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); n = int(sys.argv[2])
print(f"enrolments   {r['calls'] * n:,} in {r['seconds']:.1f} s = {r['calls'] * n / r['seconds']:,.0f} enrolments/s "
      f"(lists: p50 {r['latency']['p50'] / 1000:.0f} ms, p99 {r['latency']['p99'] / 1000:.0f} ms, errors {sum(r['errors'].values())})")
PY
cpu_report enrolments "${before[@]}"

echo "training-scale: results (the provider's file, ImportResults)"
year=$(date -u +%Y)
python3 - "$ENROLMENTS" "$year" >"$WORK/results.csv" <<'PY'
import sys
n, year = int(sys.argv[1]), sys.argv[2]
print("enrolment_number,completed_on,passed,employer_credit_code,self_employed,employed_on,employment_verified")
for i in range(1, n + 1):  # a fresh service numbers the year's enrolments TR<year>00000001 on
    job = i % 3 == 0
    print(f"TR{year}{i:08d},{year}-11-30,{'false' if i % 20 == 0 else 'true'},,{'true' if job else 'false'},{year + '-12-01' if job else ''},false")
PY
before=("$(cpu "${pids[0]}")" "$(cpu "${pids[1]}")" "$(cpu "${pids[2]}")")
jcs training results upload --endpoint "127.0.0.1:${ports[2]}" "$WORK/results.csv" | grep -E "rows in|accepted|rejected"
cpu_report results "${before[@]}"

echo "training-scale: the year's indicator set at this size (Indicators, one caller)"
"$bin/jcskills-load" training --endpoint "127.0.0.1:${ports[2]}" --registry "127.0.0.1:${ports[0]}" --tls "$WORK/pki" \
  --mix indicators=1 --persons 1 --duration 10 --concurrency 1 | tail -4
echo "training-scale: the gateway's measures (Counts, one caller)"
"$bin/jcskills-load" training --endpoint "127.0.0.1:${ports[2]}" --registry "127.0.0.1:${ports[0]}" --tls "$WORK/pki" \
  --mix counts=1 --persons 1 --duration 10 --concurrency 1 | tail -4

# The gateway with and without the training indicators, one after the other, cache off.
printf 'gateway:\n  cache_ms: 0\n  dashboard:\n    enabled: false\n' >"$WORK/gateway.yaml"
python3 - >"$WORK/indicators-without-training.yaml" <<'PY'
import re
text = open("deploy/config/indicators.yaml", encoding="utf-8").read()
head, _, body = text.partition("indicators:\n")
entries = re.split(r"(?m)^(?=  - key: )", body)
print(head + "indicators:\n" + "".join(e for e in entries if "training." not in e), end="")
PY
printf 'gateway:\n  cache_ms: 0\n  indicators: %s\n  dashboard:\n    enabled: false\n' "$WORK/indicators-without-training.yaml" >"$WORK/gateway-without.yaml"
start gateway "${ports[3]}" gateway --config "$WORK/gateway.yaml" \
  --peer "registry=127.0.0.1:${ports[0]}" --peer "evaluation=127.0.0.1:${ports[1]}" --peer "training=127.0.0.1:${ports[2]}" \
  --peer "competition=127.0.0.1:${ports[5]}"
replica_keys "$WORK/data/gateway" "$WORK/data/gateway-without"
start gateway "${ports[4]}" gateway-without --config "$WORK/gateway-without.yaml" \
  --peer "registry=127.0.0.1:${ports[0]}" --peer "evaluation=127.0.0.1:${ports[1]}" --peer "competition=127.0.0.1:${ports[5]}"
jcs totals --endpoint "127.0.0.1:${ports[3]}" --fresh | head -30 || true
for round in 1 2; do
  for which in without with; do
    port=${ports[4]}; [ "$which" = with ] && port=${ports[3]}
    "$bin/jcskills-load" gateway --endpoint "127.0.0.1:$port" --tls "$WORK/pki" --duration "$DURATION" --concurrency 64 \
      --json >"$WORK/totals-$which-$round.json"
  done
  "$bin/jcskills-load" compare "$WORK/totals-without-$round.json" "$WORK/totals-with-$round.json" | tail -8
done
