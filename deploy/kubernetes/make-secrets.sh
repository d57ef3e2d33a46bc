#!/usr/bin/env bash
# Prints the Secrets deploy/kubernetes needs, as YAML for `kubectl apply -f -`:
#
#   deploy/kubernetes/make-secrets.sh PKI_DIR KEYS_DIR | kubectl apply -f -
#
# PKI_DIR   what `jcskills pki init --out PKI_DIR` (or deploy/pki/make-dev-pki.sh) wrote, or the
#           site's own files under the same names: ca.crt, <service>.crt, <service>.key, and
#           city-signing.key / city-signing.pub for the evaluation centre.
# KEYS_DIR  where each service's personal-data keys are kept, <service>.sealing.keys. A missing
#           file is created (mode 0600, the format of Sources/Store/PersonalData/SealingKeys.swift);
#           an existing one is used as it is. Back KEYS_DIR up apart from the databases: without
#           these files nothing sealed can be read again, and a new file for an existing database
#           is refused at start (Sources/Store/PersonalData/KeyCheck.swift).
#
# With JCSKILLS_DATABASE_URL_TEMPLATE set, e.g.
#   'postgres://jcskills_{service}:PASSWORD@db.example.internal:5432/jcskills_{service}?sslmode=require'
# it also prints jcskills-<service>-database with {service} replaced; otherwise make those
# yourself (deploy/kubernetes/README.md). Needs kubectl (no cluster: --dry-run=client) and openssl.
# NAMESPACE (default jcskills) names the namespace the Secrets go into.
set -euo pipefail

if [ $# -ne 2 ]; then
  sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
pki=$1
keys=$2
namespace=${NAMESPACE:-jcskills}
services=(gateway registry training evaluation competition)

for file in ca.crt; do
  [ -r "$pki/$file" ] || { echo "make-secrets: $pki/$file is missing or unreadable" >&2; exit 1; }
done
mkdir -p "$keys"
chmod 0700 "$keys"

secret() { # name, then --from-file/--from-literal arguments
  local name=$1
  shift
  echo "---"
  kubectl create secret generic "$name" --namespace "$namespace" --dry-run=client -o yaml "$@" |
    sed '/^  creationTimestamp: null$/d'
}

for service in "${services[@]}"; do
  files=(--from-file="ca.crt=$pki/ca.crt" --from-file="$service.crt=$pki/$service.crt" --from-file="$service.key=$pki/$service.key")
  if [ "$service" = evaluation ]; then
    files+=(--from-file="city-signing.key=$pki/city-signing.key" --from-file="city-signing.pub=$pki/city-signing.pub")
  fi
  for arg in "${files[@]}"; do
    path=${arg#*=*=}
    [ -r "$path" ] || { echo "make-secrets: $path is missing or unreadable" >&2; exit 1; }
  done
  secret "jcskills-$service-tls" "${files[@]}"

  sealing="$keys/$service.sealing.keys"
  if [ ! -e "$sealing" ]; then
    (
      umask 077
      {
        echo "# JCSkills personal-data keys of jcskills-$service. SECRET: back it up apart from the database."
        echo "jcskills-sealing-keys 1"
        echo "index $(openssl rand -base64 32)"
        echo "seal 1 $(openssl rand -base64 32)"
      } > "$sealing.new"
      mv "$sealing.new" "$sealing"
    )
    echo "make-secrets: created $sealing (new keys: only for a new, empty database)" >&2
  fi
  secret "jcskills-$service-sealing" --from-file="sealing.keys=$sealing"

  if [ -n "${JCSKILLS_DATABASE_URL_TEMPLATE:-}" ]; then
    secret "jcskills-$service-database" --from-literal="url=${JCSKILLS_DATABASE_URL_TEMPLATE//\{service\}/$service}"
  fi
done
