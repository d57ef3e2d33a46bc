#!/usr/bin/env bash
# PostgreSQL at city scale (BENCHMARKS.md, "PostgreSQL at city scale"): Benchmarks/gateway-scale.sh
# with every service on its own database of one local PostgreSQL cluster — durable settings
# (fsync and synchronous commit on, as a production server; scripts/with-postgres.sh with
# JCSKILLS_PG_DURABLE=1) — plus registry look-ups on one replica and on two replicas of the
# registry sharing the database. The imports print rows/s; the gateway's Totals and the
# look-ups print calls/s and percentiles. Release build; loopback only.
#
#   Benchmarks/postgres-scale.sh                         # 1.5 M persons, ~1 M certificates
#   PERSONS=20000 DURATION=5 Benchmarks/postgres-scale.sh
#   PG_SOCKET=1 Benchmarks/postgres-scale.sh             # the services reach PostgreSQL over its Unix socket
#
# The SQLite figures to set beside these come from Benchmarks/gateway-scale.sh with LOOKUPS=1,
# run in the same sitting.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JCSKILLS_TEST_POSTGRES_URL:-}" ]; then
  exec env JCSKILLS_PG_DURABLE=1 scripts/with-postgres.sh "$0" "$@"
fi
server=${JCSKILLS_TEST_POSTGRES_URL%%\?*}   # postgres://postgres@127.0.0.1:PORT/postgres
base=${server%/*}
for service in registry evaluation training competition gateway; do
  psql --quiet "$server" -c "CREATE DATABASE jcskills_$service" >/dev/null
done
export DATABASE_TEMPLATE="$base/jcskills_{service}?sslmode=disable"
if [ "${PG_SOCKET:-0}" = 1 ]; then   # over the server's Unix socket (BENCHMARKS.md note 20)
  . Benchmarks/services.sh
  DATABASE_TEMPLATE=$(postgres_socket_template "$server")
fi
echo "postgres-scale: PostgreSQL $(psql -At "$server" -c 'SHOW server_version'), fsync $(psql -At "$server" -c 'SHOW fsync'), shared_buffers $(psql -At "$server" -c 'SHOW shared_buffers')"
LOOKUPS=${LOOKUPS:-1} REPLICAS=${REPLICAS:-2} exec Benchmarks/gateway-scale.sh "$@"
