#!/usr/bin/env bash
# The import targets (≥ 30,000 rows/s each; BENCHMARKS.md): demo persons into an empty registry, or demo
# certificates into an empty evaluation service, through the services' client-streaming import
# over mutual TLS — the `jcskills registry import` / `jcskills evaluation import` a department
# would run. Release build; loopback only; everything under WORK. Prints the CLI's rows/s and
# the CPU each process used, per row.
#
#   Benchmarks/import-scale.sh                         # 1.5 M persons into a fresh registry
#   KIND=certificates Benchmarks/import-scale.sh       # their ~1 M certificates into a fresh evaluation service
#   ROWS=300000 Benchmarks/import-scale.sh             # only the first ROWS rows of the file
#   WORK=/tmp/imp Benchmarks/import-scale.sh           # keep the generated CSV files for the next run
#   BIN=.build-release/release Benchmarks/import-scale.sh   # skip the build, use these binaries
#   SERVER_ARGS="--config my.yaml" Benchmarks/import-scale.sh   # more flags for the measured service
#   CLIENT_ARGS="--batch 2000" Benchmarks/import-scale.sh         # more flags for the import command
set -euo pipefail
cd "$(dirname "$0")/.."
KIND=${KIND:-persons}
PERSONS=${PERSONS:-1500000}
ENTERPRISES=${ENTERPRISES:-5000}
SEED=${SEED:-2020}
ROWS=${ROWS:-all}
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$WORK"
case $KIND in
  persons) service=registry; command=(registry import) ;;
  certificates) service=evaluation; command=(evaluation import) ;;
  *) echo "import-scale: KIND is persons or certificates, not $KIND"; exit 2 ;;
esac

if [ -z "${BIN:-}" ]; then
  swift build -c release --scratch-path .build-release >/dev/null
  BIN=$(swift build -c release --scratch-path .build-release --show-bin-path)
fi
[ -d "$WORK/pki" ] || "$BIN/jcskills" pki init --out "$WORK/pki" >/dev/null
if [ ! -f "$WORK/demo/certificates.csv" ]; then
  "$BIN/jcskills" demo-data registry --persons "$PERSONS" --enterprises "$ENTERPRISES" --seed "$SEED" --out "$WORK/demo"
  "$BIN/jcskills" demo-data evaluation --persons "$PERSONS" --enterprises "$ENTERPRISES" --seed "$SEED" --out "$WORK/demo"
fi
file="$WORK/demo/$KIND.csv"
if [ "$ROWS" != all ]; then
  head -n $((ROWS + 1)) "$file" >"$WORK/$KIND-$ROWS.csv"
  file="$WORK/$KIND-$ROWS.csv"
fi
echo "import-scale: $(($(wc -l <"$file") - 1)) $KIND from $file into an empty $service"

bin=$BIN
. Benchmarks/services.sh
start() {  # service port extra-args…: a fresh data directory each run
  local name=$1 port=$2; shift 2
  rm -rf "$WORK/data-$KIND-$name" "$WORK/$name.log"
  start_service "$name" "$port" "$WORK/data-$KIND-$name" "$@"
}
port=$(free_port)
if [ "$KIND" = certificates ]; then
  # Enterprise bodies among the institutions are checked with the registry: give it the enterprises.
  registry_port=$(free_port)
  start registry "$registry_port"
  jcs registry import-enterprises --endpoint "127.0.0.1:$registry_port" "$WORK/demo/enterprises.csv" >/dev/null
  start evaluation "$port" --peer "registry=127.0.0.1:$registry_port" ${SERVER_ARGS:-}
  jcs evaluation import-institutions --endpoint "127.0.0.1:$port" "$WORK/demo/institutions.csv" >/dev/null
else
  start registry "$port" ${SERVER_ARGS:-}
fi
server=${pids[-1]}

ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }   # user + system clock ticks
before=$(ticks $server)
/usr/bin/time -f "%U %S" -o "$WORK/client.time" \
  "$BIN/jcskills" --tls "$WORK/pki" "${command[@]}" --endpoint "127.0.0.1:$port" ${CLIENT_ARGS:-} "$file" | tee "$WORK/import.txt"
server_s=$(awk -v t="$(($(ticks $server) - before))" -v hz="$(getconf CLK_TCK)" 'BEGIN{print t/hz}')
rows=$(awk '/ rows in /{print $2; exit}' "$WORK/import.txt")
read -r user sys <"$WORK/client.time"
awk -v s="$server_s" -v u="$user" -v y="$sys" -v n="$rows" 'BEGIN{
  printf "cpu          server %.1f s (%.1f µs a row), client %.1f s (%.1f µs a row)\n", s, s*1e6/n, u+y, (u+y)*1e6/n }'
