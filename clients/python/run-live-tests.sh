#!/bin/sh
# Runs the Python client's tests, live ones included, against a running local set:
#   clients/python/run-live-tests.sh HOME BASE_PORT
# HOME is the set's home (`jcskills local up --home HOME`; PKI in HOME/pki), BASE_PORT its
# --base-port (gateway = BASE_PORT, registry +1 … competition +4). Exit status: unittest's.
set -eu
if [ $# -ne 2 ]; then
    echo "usage: $0 HOME BASE_PORT" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
JCSKILLS_LIVE=$1
JCSKILLS_TLS=${JCSKILLS_TLS:-$1/pki}
JCSKILLS_BASE_PORT=$2
export JCSKILLS_LIVE JCSKILLS_TLS JCSKILLS_BASE_PORT
exec python3 -m unittest discover -s "$here/tests" -v
