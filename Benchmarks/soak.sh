#!/usr/bin/env bash
# The soak: does a service hold under abuse? For each service, on a fresh data directory with a
# development PKI, release build, loopback only:
#   1. start it, let it settle, sample its RSS (/proc/PID/status VmRSS): idle;
#   2. its normal workload (`jcskills-load <service> --rate RATE --json`) alone: p99 A;
#   3. the same workload alone once more (the control: how much the normal load alone grows the
#      server, its caches warming and its data growing), then its RSS: before (the abuse);
#   4. the same workload again with `jcskills-load abuse --connections CONNECTIONS` (every kind)
#      beside it, RSS sampled every 0.5 s: p99 B and the peak;
#   5. the abusers stop by themselves; 10 s later its RSS again: after.
# Targets (BENCHMARKS.md, "Soak"): peak − idle ≤ 256 MiB, B/A ≤ 2, after within 10 % of what the
# normal load alone leaves (before + the control run's growth), no error in the normal workload. The evaluation service gets an empty registry of its own
# (Counts asks one), the gateway an empty registry and evaluation service (its workload needs
# whole answers); only the service named is abused and measured.
#
#   Benchmarks/soak.sh                              # registry, evaluation, gateway; ~4.5 min each
#   SOAK_SECONDS=60 SERVICES=registry Benchmarks/soak.sh
#   RATE=500 CONNECTIONS=300 Benchmarks/soak.sh
#   BIN=.build/release Benchmarks/soak.sh           # skip the build
#   SERVER_ENV="MALLOC_ARENA_MAX=2" Benchmarks/soak.sh     # environment for the measured service
#   SERVER_ARGS="--rpc-limit max_buffered_bytes=67108864" Benchmarks/soak.sh
#   ABUSE_ARGS="--kinds slow-reader --payload 262144" Benchmarks/soak.sh
#   PIN=0 Benchmarks/soak.sh                        # no CPU pinning (see below)
#
# The abusers stand for peers on other machines: with two cores or more they run on the last
# core and the measured service and its normal client on the others (`taskset`), in every phase,
# so that p99 B measures what the abuse does to the server, not the load generator's own CPU
# taken from it on a shared machine (PIN=0 to share every core, as before 2026-12-04).
set -euo pipefail
cd "$(dirname "$0")/.."
SOAK_SECONDS=${SOAK_SECONDS:-250}
SERVICES=${SERVICES:-registry evaluation gateway}
RATE=${RATE:-200}
CONNECTIONS=${CONNECTIONS:-100}
cores=$(nproc)
if [ "${PIN:-1}" = 1 ] && [ "$cores" -ge 2 ] && command -v taskset >/dev/null; then
  abuser_cpus=$((cores - 1)); server_cpus="0-$((cores - 2))"
  on_server_cpus=(taskset -c "$server_cpus")
  on_abuser_cpus=(taskset -c "$abuser_cpus")  # taskset execs: $! stays the abusers' own PID
  pin_server() { taskset -a -p -c "$server_cpus" "$1" >/dev/null; }
  pinning="the measured service and its client on CPU $server_cpus, the abusers on CPU $abuser_cpus"
else
  on_server_cpus=(env)
  on_abuser_cpus=(env)
  pin_server() { :; }
  pinning="no CPU pinning"
fi
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$WORK"
# Each workload run gets the same share of the service's time budget: settling 5 s, the
# abusers' head start 10 s and tail 5 s, and 10 s before "after" are the rest.
DURATION=$(( (SOAK_SECONDS - 40) / 3 ))
[ "$DURATION" -ge 10 ] || DURATION=10

if [ -z "${BIN:-}" ]; then
  swift build -c release >/dev/null
  BIN=$(swift build -c release --show-bin-path)
fi
bin=$BIN
[ -d "$WORK/pki" ] || "$bin/jcskills" pki init --out "$WORK/pki" >/dev/null
. Benchmarks/services.sh

rss() { awk '/^VmRSS/{print $2}' "/proc/$1/status"; }        # KiB
ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }            # user + system clock ticks
hz=$(getconf CLK_TCK)
load() {  # service endpoint output.json: the normal workload at a fixed rate
  "${on_server_cpus[@]}" "$bin/jcskills-load" "$1" --endpoint "$2" --tls "$WORK/pki" --rate "$RATE" --duration "$DURATION" --json >"$3" || true
}
measured() {  # start_service's arguments: the measured service, with SERVER_ENV in its environment only
  local pair
  for pair in ${SERVER_ENV:-}; do export "${pair?}"; done
  start_service "$@"
  for pair in ${SERVER_ENV:-}; do unset "${pair%%=*}"; done
}
stop_round() { for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; pids=(); }

echo "soak: $SERVICES; $DURATION s per workload run at $RATE calls/s; $CONNECTIONS abusers; in $WORK"
echo "soak: started $(date '+%Y-%m-%d %H:%M:%S %Z'); $cores cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $pinning"
for service in $SERVICES; do
  round="$WORK/$service"
  rm -rf "$round"; mkdir -p "$round"
  port=$(free_port)
  case $service in
    registry)
      measured registry "$port" "$round/data" ${SERVER_ARGS:-}
      ;;
    evaluation)  # Counts asks a registry for compliance: an empty one of its own, not whatever is on 7101
      sources=("$(free_port)")
      start_service registry "${sources[0]}" "$round/data-registry"
      measured evaluation "$port" "$round/data" --peer "registry=127.0.0.1:${sources[0]}" ${SERVER_ARGS:-}
      ;;
    gateway)
      sources=("$(free_port)" "$(free_port)")
      start_service registry "${sources[0]}" "$round/data-registry"
      start_service evaluation "${sources[1]}" "$round/data-evaluation" --peer "registry=127.0.0.1:${sources[0]}"
      printf 'gateway:\n  cache_ms: 0\n  dashboard:\n    enabled: false\n' >"$round/gateway.yaml"
      measured gateway "$port" "$round/data" --config "$round/gateway.yaml" \
        --peer "registry=127.0.0.1:${sources[0]}" --peer "evaluation=127.0.0.1:${sources[1]}" ${SERVER_ARGS:-}
      ;;
    *) echo "soak: SERVICES are registry, evaluation, gateway; not $service"; exit 2 ;;
  esac
  pid=${pids[-1]}
  pin_server "$pid"
  endpoint="127.0.0.1:$port"
  sleep 5
  idle=$(rss "$pid")

  cpu0=$(ticks "$pid")
  load "$service" "$endpoint" "$round/a.json"
  cpu_a=$(( $(ticks "$pid") - cpu0 ))
  after_a=$(rss "$pid")
  load "$service" "$endpoint" "$round/control.json"
  before=$(rss "$pid")

  ( while kill -0 "$pid" 2>/dev/null; do echo "$(date +%s.%N) $(rss "$pid")"; sleep 0.5; done ) >"$round/rss.txt" 2>/dev/null &
  sampler=$!
  "${on_abuser_cpus[@]}" "$bin/jcskills-load" abuse --endpoint "$endpoint" --tls "$WORK/pki" --connections "$CONNECTIONS" \
    --duration $((DURATION + 16)) --json ${ABUSE_ARGS:-} >"$round/abuse.json" 2>"$round/abuse.log" &
  abuse=$!
  sleep 10
  cpu0=$(ticks "$pid")
  load "$service" "$endpoint" "$round/b.json"
  cpu_b=$(( $(ticks "$pid") - cpu0 ))
  abuser_cpu=$(ticks "$abuse" 2>/dev/null || echo 0)
  wait "$abuse" || echo "soak: the abusers exited with $? (see $round/abuse.log)"
  sleep 10
  after=$(rss "$pid")
  kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
  peak=$(awk 'BEGIN{m=0} {if ($2>m) m=$2} END{print m}' "$round/rss.txt")
  echo "$service $idle $after_a $before $peak $after $cpu_a $cpu_b $abuser_cpu" >"$round/rss-summary.txt"
  stop_round

  python3 - "$round" "$service" "$idle" "$after_a" "$before" "$peak" "$after" "$cpu_a" "$cpu_b" "$abuser_cpu" "$hz" "$(date '+%H:%M')" <<'EOF' | tee -a "$WORK/soak.txt"
import json, sys
round_, service, idle, after_a, before, peak, after, cpu_a, cpu_b, abuser_cpu, hz, clock = sys.argv[1:]
idle, after_a, before, peak, after = (int(x) / 1024 for x in (idle, after_a, before, peak, after))
a = json.load(open(f"{round_}/a.json")); b = json.load(open(f"{round_}/b.json"))
control = json.load(open(f"{round_}/control.json"))
abuse = json.load(open(f"{round_}/abuse.json"))
def errors(r): return sum(r["errors"].values())
pa, pb = a["latency"]["p99"], b["latency"]["p99"]
ok = lambda c: "met" if c else "MISSED"
print(f"{service} (ended {clock}): idle {idle:.1f} MiB; after workload A {after_a:.1f} MiB; "
      f"after the control run (before the abuse) {before:.1f} MiB ({(before - after_a) / after_a * 100:+.1f} % of after-A); "
      f"peak under abuse {peak:.1f} MiB (+{peak - idle:.1f} over idle, target ≤ 256: {ok(peak - idle <= 256)}); "
      f"after {after:.1f} MiB ({(after - before) / before * 100:+.1f} % of before, {(after - idle) / idle * 100:+.1f} % of idle)")
# A workload run grows the server by itself (its data grows, and the database's page cache with
# it): the control run measured by how much. Without the abusers, "after" would be "before" plus
# that growth; the abusers' residue is what is left above it.
expected = before + max(0.0, before - after_a)
print(f"  without abusers it would be about {expected:.1f} MiB (before + the control run's growth); "
      f"after is {(after - expected) / expected * 100:+.1f} % of that (target ±10 %: {ok(abs(after - expected) <= expected * 0.1)})")
print(f"  p99 A {pa / 1000:.2f} ms ({a['calls']} calls, {a['callsPerSecond']:.0f}/s, errors {errors(a)} {a['errors']}); "
      f"p99 B {pb / 1000:.2f} ms ({b['calls']} calls, {b['callsPerSecond']:.0f}/s, errors {errors(b)} {b['errors']}); "
      f"B/A {pb / pa:.2f} (target ≤ 2: {ok(pb <= 2 * pa)}); control run's p99 {control['latency']['p99'] / 1000:.2f} ms "
      f"(errors {errors(control)}; its ratio to A shows the machine's noise)")
print(f"  p50 A {a['latency']['p50'] / 1000:.2f} ms, B {b['latency']['p50'] / 1000:.2f} ms; "
      f"server CPU during A {int(cpu_a) / int(hz):.1f} s, during B {int(cpu_b) / int(hz):.1f} s; "
      f"the abusers' own CPU {int(abuser_cpu) / int(hz):.1f} s")
for k in abuse["kinds"]:
    ended = ", ".join(f"{c} {n}" for c, n in sorted(k["callsEnded"].items())) or "–"
    closures = ", ".join(f"{c} {n}" for c, n in sorted(k["closures"].items())) or "–"
    print(f"  abusers {k['kind']:<14} {k['connections']:>3} conns, {k['established']:>4} established, "
          f"{k['refused']:>3} refused, {k['closedByServer']:>3} closed ({closures}); calls ended: {ended}; "
          f"{k['bytesSent'] / 1048576:.1f} MiB sent")
EOF
done
echo "soak: finished $(date '+%Y-%m-%d %H:%M:%S %Z'); summary in $WORK/soak.txt"
