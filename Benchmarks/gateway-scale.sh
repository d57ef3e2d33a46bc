#!/usr/bin/env bash
# The gateway at city scale (BENCHMARKS.md, "Gateway at city scale"): a registry holding
# PERSONS demo persons, an evaluation service holding their demo certificates (about 0.7 per
# person), a competition service holding an annual city competition of PARTICIPANTS entries in
# EVENTS events, played through once by `jcskills-load competition` (its end-to-end time is the
# competition benchmark), then `jcskills-load gateway` — Totals with 64 outstanding calls, the
# gateway's cache off, so every answer is a fan-out to every source. Release build; loopback
# only; everything under WORK.
#
#   Benchmarks/gateway-scale.sh                       # 1.5 M persons, ~1 M certificates
#   PERSONS=20000 DURATION=5 Benchmarks/gateway-scale.sh
#   WORK=/tmp/gw Benchmarks/gateway-scale.sh          # keep the loaded data for the next run
#   LOOKUPS=1 Benchmarks/gateway-scale.sh             # then registry look-ups at this size too
#   FIGURES=1 Benchmarks/gateway-scale.sh             # then Statistics and Counts latency at this size
#   PERSONS=20000000 CERTIFICATES=5000000 PARTICIPANTS=0 ROUNDS=0 LOOKUPS=1 FIGURES=1 Benchmarks/gateway-scale.sh   # the province
#   Benchmarks/postgres-scale.sh                      # all of it on PostgreSQL (DATABASE_TEMPLATE), two registry replicas
#   BASE_BIN=/tmp/oldbin Benchmarks/gateway-scale.sh  # Totals: another build's gateway alternating with this one's, ROUNDS (2) times
#   BASE_DATABASE_TEMPLATE=postgres://…/jcskills_{service}_base?…   # on PostgreSQL, the base build's own copies (an older schema)
#   BIN=/tmp/oldbin WORK=/tmp/gw ROUNDS=0 Benchmarks/gateway-scale.sh   # every service of another build, on the loaded data
#   RATE=1000 Benchmarks/gateway-scale.sh              # open loop, RATE answers a second: each process's CPU an answer at equal load
set -euo pipefail
cd "$(dirname "$0")/.."
PERSONS=${PERSONS:-1500000}
ENTERPRISES=${ENTERPRISES:-5000}
SEED=${SEED:-2020}
DURATION=${DURATION:-20}
PARTICIPANTS=${PARTICIPANTS:-12000}
EVENTS=${EVENTS:-60}
CONCURRENCY=${CONCURRENCY:-64}
# At a fixed rate the builds compared do the same work in the same time: their CPU an answer
# compares, where in a closed loop it moves with the throughput a noisy machine allows.
rate=(); [ -n "${RATE:-}" ] && rate=(--rate "$RATE")
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$WORK"
echo "gateway-scale: $PERSONS persons, $ENTERPRISES enterprises, seed $SEED, in $WORK"

if [ -n "${BIN:-}" ]; then   # another build's binaries on the same WORK (alternating whole builds on loaded data)
  bin=$BIN
else
  swift build -c release --scratch-path .build-release >/dev/null
  bin=$(swift build -c release --scratch-path .build-release --show-bin-path)
fi
"$bin/jcskills" pki init --out "$WORK/pki" >/dev/null

if [ ! -f "$WORK/demo/certificates.csv" ]; then
  "$bin/jcskills" demo-data registry --persons "$PERSONS" --enterprises "$ENTERPRISES" --seed "$SEED" --out "$WORK/demo"
  "$bin/jcskills" demo-data evaluation --persons "$PERSONS" --enterprises "$ENTERPRISES" --seed "$SEED" --out "$WORK/demo"
fi

. Benchmarks/services.sh
ports=("$(free_port)" "$(free_port)" "$(free_port)" "$(free_port)" "$(free_port)")   # gateway, registry, evaluation, training, competition
start() { local service=$1 port=$2; shift 2; start_service "$service" "$port" "$WORK/data/$service" "$@"; }
start registry "${ports[1]}"
start evaluation "${ports[2]}" --peer "registry=127.0.0.1:${ports[1]}"
# The shipped catalogue reads the training service too; here it holds no courses.
start training "${ports[3]}" --peer "registry=127.0.0.1:${ports[1]}" --peer "evaluation=127.0.0.1:${ports[2]}"
start competition "${ports[4]}" --peer "registry=127.0.0.1:${ports[1]}" --peer "evaluation=127.0.0.1:${ports[2]}"
printf 'gateway:\n  cache_ms: 0\n  dashboard:\n    enabled: false\n' >"$WORK/gateway.yaml"
start gateway "${ports[0]}" --config "$WORK/gateway.yaml" \
  --peer "registry=127.0.0.1:${ports[1]}" --peer "evaluation=127.0.0.1:${ports[2]}" --peer "training=127.0.0.1:${ports[3]}" \
  --peer "competition=127.0.0.1:${ports[4]}"

if [ ! -f "$WORK/loaded" ]; then
  registry=(--endpoint "127.0.0.1:${ports[1]}")
  evaluation=(--endpoint "127.0.0.1:${ports[2]}")
  time jcs registry import "${registry[@]}" "$WORK/demo/persons.csv"
  jcs registry import-enterprises "${registry[@]}" "$WORK/demo/enterprises.csv"
  jcs registry import-demand "${registry[@]}" "$WORK/demo/demand.csv"
  jcs evaluation import-institutions "${evaluation[@]}" "$WORK/demo/institutions.csv"
  certificates="$WORK/demo/certificates.csv"
  if [ -n "${CERTIFICATES:-}" ]; then   # only the first CERTIFICATES rows (the province benchmark's 5 M)
    head -n $((CERTIFICATES + 1)) "$certificates" >"$WORK/demo/certificates-$CERTIFICATES.csv"
    certificates="$WORK/demo/certificates-$CERTIFICATES.csv"
  fi
  time jcs evaluation import "${evaluation[@]}" "$certificates"
  touch "$WORK/loaded"
fi
if [ ! -f "$WORK/competition-played" ] && [ "$PARTICIPANTS" -gt 0 ]; then
  # The annual competition, played through once: setup and end to end reported apart.
  "$bin/jcskills-load" competition --endpoint "127.0.0.1:${ports[4]}" --registry "127.0.0.1:${ports[1]}" \
    --evaluation "127.0.0.1:${ports[2]}" --tls "$WORK/pki" --participants "$PARTICIPANTS" --events "$EVENTS" \
    --requests 200 | tee "$WORK/competition.txt"
  touch "$WORK/competition-played"
fi
echo "gateway-scale: certificates in the evaluation service: $(($(wc -l <"${certificates:-$WORK/demo/certificates.csv}") - 1))"
jcs totals --endpoint "127.0.0.1:${ports[0]}" --fresh || true

cpu() { awk '{print $14+$15}' "/proc/$1/stat"; }   # clock ticks of user + system time
# A PostgreSQL on this machine: its processes' ticks (those running at both looks).
postgres_cpu() { local sum=0 pid; for pid in $(pgrep -x postgres || true); do sum=$((sum + $(cpu "$pid" 2>/dev/null || echo 0))); done; echo "$sum"; }
before=(); for pid in "${pids[@]}"; do before+=("$(cpu "$pid")"); done
postgres_before=$(postgres_cpu)
"$bin/jcskills-load" gateway --endpoint "127.0.0.1:${ports[0]}" --tls "$WORK/pki" \
  --duration "$DURATION" --concurrency "$CONCURRENCY" "${rate[@]}" | tee "$WORK/gateway.txt"
# Where the time went: CPU seconds each process used during the run (warm-up included).
names=(registry evaluation training competition gateway)   # the order they were started in
for i in 0 1 2 3 4; do
  echo "cpu          ${names[$i]} $(( ($(cpu "${pids[$i]}") - ${before[$i]}) ))/$(getconf CLK_TCK) s"
done
[ -n "${DATABASE_TEMPLATE:-}" ] && echo "cpu          postgres (this machine's) $(( $(postgres_cpu) - postgres_before ))/$(getconf CLK_TCK) s"

# Against another build's gateway (BASE_BIN: a directory of release binaries), alternating with
# this build's, ROUNDS times: answers/s, p99 and each process's CPU. On SQLite it reads these
# same sources; on PostgreSQL (DATABASE_TEMPLATE) the other build's sources too, started as
# replicas on the same databases — the whole builds alternate.
ROUNDS=${ROUNDS:-2}
if [ -n "${BASE_BIN:-}" ] && [ "$ROUNDS" -gt 0 ]; then
  base_port=$(free_port)
  this_bin=$bin; bin=$BASE_BIN
  base_peers=(--peer "registry=127.0.0.1:${ports[1]}" --peer "evaluation=127.0.0.1:${ports[2]}" --peer "training=127.0.0.1:${ports[3]}"
              --peer "competition=127.0.0.1:${ports[4]}")
  if [ -n "${DATABASE_TEMPLATE:-}" ]; then
    base_peers=()
    # BASE_DATABASE_TEMPLATE: the base build's databases, when its schema is older (copies made
    # before this build's migrations ran: CREATE DATABASE … TEMPLATE …).
    this_template=$DATABASE_TEMPLATE; DATABASE_TEMPLATE=${BASE_DATABASE_TEMPLATE:-$DATABASE_TEMPLATE}
    for service in registry evaluation training competition; do
      replica_keys "$WORK/data/$service" "$WORK/data/$service-base"
      port=$(free_port)
      case $service in
        registry) start_service registry "$port" "$WORK/data/registry-base" ;;
        *) start_service "$service" "$port" "$WORK/data/$service-base" "${base_peers[@]:0:4}" ;;
      esac
      base_peers+=(--peer "$service=127.0.0.1:$port")
    done
    DATABASE_TEMPLATE=$this_template
  fi
  replica_keys "$WORK/data/gateway" "$WORK/data/gateway-base"
  start_service gateway "$base_port" "$WORK/data/gateway-base" --config "$WORK/gateway.yaml" "${base_peers[@]}"
  bin=$this_bin
  for round in $(seq "$ROUNDS"); do
    for which in base this; do
      port=$base_port; [ "$which" = this ] && port=${ports[0]}
      before=(); for pid in "${pids[@]}"; do before+=("$(cpu "$pid")"); done
      postgres_before=$(postgres_cpu)
      "$bin/jcskills-load" gateway --endpoint "127.0.0.1:$port" --tls "$WORK/pki" --duration "$DURATION" \
        --concurrency "$CONCURRENCY" "${rate[@]}" --json >"$WORK/totals-$which-$round.json"
      used=""; for i in "${!pids[@]}"; do used+=" $(( $(cpu "${pids[$i]}") - ${before[$i]} ))"; done
      [ -n "${DATABASE_TEMPLATE:-}" ] && used+="; this machine's postgres $(( $(postgres_cpu) - postgres_before ))"
      echo "gateway-scale: round $round, $which build's gateway: CPU ticks (this build's registry evaluation training competition gateway, then the base build's):$used"
    done
    echo "gateway-scale: round $round, base → this build's gateway"
    "$bin/jcskills-load" compare "$WORK/totals-base-$round.json" "$WORK/totals-this-$round.json" | tail -8
  done
  ROUNDS=0
fi

# The competition indicators' cost: the same gateway without them (its catalogue minus every
# indicator reading the competition service), alternating with the one above, ROUNDS times.
if [ "$ROUNDS" -gt 0 ]; then
  python3 - >"$WORK/indicators-without-competition.yaml" <<'PY'
import re
text = open("deploy/config/indicators.yaml", encoding="utf-8").read()
head, _, body = text.partition("indicators:\n")
entries = re.split(r"(?m)^(?=  - key: )", body)
print(head + "indicators:\n" + "".join(e for e in entries if "competition." not in e), end="")
PY
  printf 'gateway:\n  cache_ms: 0\n  indicators: %s\n  dashboard:\n    enabled: false\n' "$WORK/indicators-without-competition.yaml" >"$WORK/gateway-without.yaml"
  without_port=$(free_port)
  replica_keys "$WORK/data/gateway" "$WORK/data/gateway-without"
  start_service gateway "$without_port" "$WORK/data/gateway-without" --config "$WORK/gateway-without.yaml" \
    --peer "registry=127.0.0.1:${ports[1]}" --peer "evaluation=127.0.0.1:${ports[2]}" --peer "training=127.0.0.1:${ports[3]}"
  for round in $(seq "$ROUNDS"); do
    for which in without with; do
      port=$without_port; [ "$which" = with ] && port=${ports[0]}
      "$bin/jcskills-load" gateway --endpoint "127.0.0.1:$port" --tls "$WORK/pki" --duration "$DURATION" \
        --concurrency "$CONCURRENCY" "${rate[@]}" --json >"$WORK/totals-$which-$round.json"
    done
    echo "gateway-scale: round $round, without → with the competition indicators"
    "$bin/jcskills-load" compare "$WORK/totals-without-$round.json" "$WORK/totals-with-$round.json" | tail -8
  done
fi

# Registry look-ups at this size (GetPerson, full view, audited), 64 outstanding: with
# LOOKUPS=1, one registry; with REPLICAS=2 on PostgreSQL (DATABASE_TEMPLATE) also two replicas
# on the one database behind one endpoint list, alternating LOOKUP_ROUNDS (2) times, ratio printed.
# LOOKUP_CONNECTIONS (1): the connections the load tool spreads its callers over (a service runs
# a connection's calls on one event loop).
if [ "${LOOKUPS:-0}" = 1 ]; then
  lookups() {  # endpoints label
    "$bin/jcskills-load" registry --endpoint "$1" --tls "$WORK/pki" --mix lookup=100 --concurrency "$CONCURRENCY" \
      --connections "${LOOKUP_CONNECTIONS:-1}" --duration "${LOOKUP_DURATION:-10}" --warmup 2 --json >"$WORK/lookups-$2.json"
    python3 - "$WORK/lookups-$2.json" "$2" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
latency = report["latency"]  # microseconds
print("lookups %s: %s %s calls/s, p50 %.2f ms, p99 %.2f ms, failed %d" % (
    sys.argv[2], report["endpoint"], format(round(report["callsPerSecond"]), ","),
    latency["p50"] / 1000, latency["p99"] / 1000, report["failedCalls"]))
PY
  }
  one="127.0.0.1:${ports[1]}"
  endpoints=$one
  if [ "${REPLICAS:-1}" -ge 2 ] && [ -n "${DATABASE_TEMPLATE:-}" ]; then
    # A second replica: the same database and the same sealing keys.
    replica_keys "$WORK/data/registry" "$WORK/data/registry-2"
    second=$(free_port)
    start_service registry "$second" "$WORK/data/registry-2"
    endpoints="$one,127.0.0.1:$second"
  fi
  for round in $(seq "${LOOKUP_ROUNDS:-2}"); do
    lookups "$one" "one-$round"
    [ "$endpoints" != "$one" ] && lookups "$endpoints" "two-$round"
  done
  if [ "$endpoints" != "$one" ]; then
    for round in $(seq "${LOOKUP_ROUNDS:-2}"); do
      "$bin/jcskills-load" compare "$WORK/lookups-one-$round.json" "$WORK/lookups-two-$round.json" | tail -8
    done
  fi
fi

# The figures a county office asks for at this size: registry Statistics and evaluation Counts,
# one county after another, FIGURE_CONCURRENCY (4) at a time.
if [ "${FIGURES:-0}" = 1 ]; then
  for figure in "registry:aggregate:${ports[1]}" "evaluation:counts:${ports[2]}"; do
    IFS=: read -r service operation port <<<"$figure"
    "$bin/jcskills-load" "$service" --endpoint "127.0.0.1:$port" --tls "$WORK/pki" --mix "$operation=100" \
      --concurrency "${FIGURE_CONCURRENCY:-4}" --duration "${LOOKUP_DURATION:-10}" --warmup 2 --json >"$WORK/figures-$operation.json"
    python3 - "$WORK/figures-$operation.json" "$service $operation" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
latency = report["latency"]  # microseconds
print("figures %s: %s calls/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms, failed %d" % (
    sys.argv[2], format(round(report["callsPerSecond"]), ","), latency["p50"] / 1000, latency["p99"] / 1000,
    latency["max"] / 1000, report["failedCalls"]))
PY
  done
fi
