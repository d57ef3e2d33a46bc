# Shared by the scale benchmarks (source it): free loopback ports, and services started in the
# background, waited for, and stopped when the script exits. Needs `bin` (the directory of the
# release binaries) and `WORK` (the PKI in $WORK/pki; logs go to $WORK/<service>.log).

# The scripts read the command-line client's English report (rows/s…); it speaks Chinese by default.
export JCSKILLS_LANG=${JCSKILLS_LANG:-en}

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
jcs() { "$bin/jcskills" --tls "$WORK/pki" "$@"; }

pids=()
stop_services() { for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop_services EXIT

# SERVICE_ENV: NAME=VALUE words added to the service's environment (an experiment's switch);
# SERVICE_ARGS: words added to every service's command line (say, `--store-setting NAME=VALUE`).
# With DATABASE_TEMPLATE set (postgres://…/jcskills_{service}…), every service uses its own
# PostgreSQL database, named in JCSKILLS_DATABASE_URL as deploy/kubernetes does; else SQLite.
start_service() {  # service port data-directory extra-args…
  local service=$1 port=$2 data=$3; shift 3
  local database=${DATABASE_TEMPLATE:-}
  # shellcheck disable=SC2086  # SERVICE_ENV and SERVICE_ARGS are meant to split into words
  env ${SERVICE_ENV:-} JCSKILLS_DATABASE_URL="${database//\{service\}/$service}" \
  "$bin/jcskills-$service" --listen "127.0.0.1:$port" --metrics off --data "$data" \
    --tls "$WORK/pki" --log-level warning ${SERVICE_ARGS:-} "$@" >>"$WORK/$service.log" 2>&1 &
  pids+=($!)
  # START_TIMEOUT seconds (default 600): a registry of 20 M persons started under a labour-force
  # rule other than its data's recounts every date before it serves (the day's age bands alone
  # are worked out beside the serving registry: Services/Registry/Service/Jobs/LabourForceAging.swift).
  local deadline=$((SECONDS + ${START_TIMEOUT:-600})) said=""
  until jcs health "127.0.0.1:$port" >/dev/null 2>&1; do
    if ! kill -0 "${pids[-1]}" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then
      echo "$(basename "$0"): $service did not start; see $WORK/$service.log"; exit 1
    fi
    if [ -z "$said" ] && [ "$SECONDS" -ge $((deadline - ${START_TIMEOUT:-600} + 20)) ]; then
      echo "$(basename "$0"): waiting for $service to start (see $WORK/$service.log)"; said=yes
    fi
    sleep 0.2
  done
}

# A second service on the same PostgreSQL database (DATABASE_TEMPLATE) is a replica of the first
# and must hold the same sealing keys (each replica keeps a copy; the database refuses others).
# On SQLite each has a database and keys of its own, and nothing is copied.
replica_keys() {  # from-data-directory to-data-directory
  [ -n "${DATABASE_TEMPLATE:-}" ] || return 0
  mkdir -p "$2" && chmod 700 "$2" && cp "$1/sealing.keys" "$2/sealing.keys"
}

# The DATABASE_TEMPLATE reaching the local PostgreSQL server SERVER (postgres://… of its
# `postgres` database) over its Unix socket rather than TCP (BENCHMARKS.md note 20).
postgres_socket_template() {  # server-url
  local directory port
  directory=$(psql -At "$1" -c "SELECT split_part(current_setting('unix_socket_directories'), ',', 1)")
  port=$(psql -At "$1" -c "SHOW port")
  echo "postgres+uds://postgres@localhost$directory/.s.PGSQL.$port#jcskills_{service}"
}
