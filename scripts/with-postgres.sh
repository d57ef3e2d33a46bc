#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster and JCSKILLS_TEST_POSTGRES_URL pointing at it.
#
#   scripts/with-postgres.sh COMMAND [ARGS...]
#
# - Finds PostgreSQL's server binaries (pg_ctl on PATH, else the newest /usr/lib/postgresql/*/bin).
# - Creates a cluster in a fresh temporary directory (initdb, trust authentication: it listens
#   on 127.0.0.1 only, on a random free port, and lives only as long as the command).
#   PostgreSQL refuses to run as root, so under root the cluster runs as the `postgres` user.
# - Exports JCSKILLS_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:PORT/postgres?sslmode=disable,
#   runs the command, stops the cluster and deletes its directory — also on failure or Ctrl-C —
#   and exits with the command's status.
# - Durability is traded for speed (fsync off): this cluster holds test data only. With
#   JCSKILLS_PG_DURABLE=1 (the benchmarks) it keeps PostgreSQL's durable defaults instead, with
#   more shared memory, as a production server would.
#
# When JCSKILLS_TEST_POSTGRES_URL is already set, that server is used and no cluster is started.
# When PostgreSQL is not installed, the command runs without it after a warning; with CI=true
# that is an error instead (exit 1), so CI can never silently skip the PostgreSQL half.
set -euo pipefail

if [[ $# -eq 0 ]]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 64
fi

if [[ -n "${JCSKILLS_TEST_POSTGRES_URL:-}" ]]; then
    echo "with-postgres: using the PostgreSQL server given in JCSKILLS_TEST_POSTGRES_URL" >&2
    exec "$@"
fi

find_bin_dir() {
    if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
        dirname "$(command -v pg_ctl)"
        return
    fi
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -n "$dir" && -x "$dir/pg_ctl" && -x "$dir/initdb" ]]; then
        echo "$dir"
    fi
}

bin_dir=$(find_bin_dir)
if [[ -z "$bin_dir" ]]; then
    if [[ "${CI:-}" == "true" ]]; then
        echo "with-postgres: ERROR: PostgreSQL is not installed, and CI=true requires the PostgreSQL tests." >&2
        echo "with-postgres: install it (Debian/Ubuntu: apt-get install -y postgresql) and run again." >&2
        exit 1
    fi
    echo "with-postgres: WARNING: PostgreSQL is not installed; running WITHOUT the PostgreSQL tests." >&2
    echo "with-postgres: install it (Debian/Ubuntu: apt-get install -y postgresql) to test both backends." >&2
    exec "$@"
fi

owner=""
if [[ "$(id -u)" == "0" ]]; then
    if ! id postgres >/dev/null 2>&1; then
        echo "with-postgres: ERROR: running as root, but there is no 'postgres' user to run PostgreSQL as." >&2
        exit 1
    fi
    owner=postgres
fi

# Runs a command as the cluster's owner: the postgres user under root, else ourselves.
as_owner() {
    if [[ -z "$owner" ]]; then
        "$@"
    elif command -v runuser >/dev/null 2>&1; then
        runuser -u "$owner" -- "$@"
    else
        su "$owner" -s /bin/sh -c '"$0" "$@"' "$@"
    fi
}

work=$(mktemp -d "${TMPDIR:-/tmp}/jcskills-pg.XXXXXX")
data="$work/data"
started=""

cleanup() {
    if [[ -n "$started" ]]; then
        as_owner "$bin_dir/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
child=""
# Stops the command (if it runs), then exits; the EXIT trap then removes the cluster.
interrupted() {
    if [[ -n "$child" ]]; then
        kill -TERM "$child" 2>/dev/null || true
        wait "$child" 2>/dev/null || true
    fi
    exit "$1"
}
trap cleanup EXIT
trap 'interrupted 130' INT
trap 'interrupted 143' TERM
trap 'interrupted 129' HUP

if [[ -n "$owner" ]]; then
    chown "$owner": "$work"
fi

as_owner "$bin_dir/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C \
    --no-sync >"$work/initdb.log" 2>&1 || {
    echo "with-postgres: initdb failed:" >&2
    cat "$work/initdb.log" >&2
    exit 1
}

port_is_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

if [[ "${JCSKILLS_PG_DURABLE:-}" == 1 ]]; then
    settings="-c shared_buffers=2GB -c effective_cache_size=8GB -c max_wal_size=8GB -c checkpoint_timeout=15min"
else
    settings="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
fi

# A port can be taken between the check and the start; try a few.
for _ in 1 2 3 4 5 6 7 8; do
    port=$((20000 + RANDOM % 40000))
    port_is_free "$port" || continue
    if as_owner "$bin_dir/pg_ctl" -D "$data" -l "$work/server.log" -w -t 60 \
        -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c max_connections=400 $settings" \
        start >/dev/null 2>&1; then
        started=yes
        break
    fi
done
if [[ -z "$started" ]]; then
    echo "with-postgres: could not start PostgreSQL; its log:" >&2
    cat "$work/server.log" >&2 || true
    exit 1
fi

export JCSKILLS_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
echo "with-postgres: PostgreSQL $("$bin_dir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (removed afterwards)" >&2

# In the background so that a signal reaches our trap at once instead of after the command
# ends; `wait` returns early when a trapped signal arrives.
"$@" &
child=$!
status=0
wait "$child" || status=$?
child=""
exit "$status"
