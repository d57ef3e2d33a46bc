#!/usr/bin/env bash
# make-dev-pki.sh — the development PKI of `jcskills pki init`, made with the openssl CLI only.
#
# Writes OUTDIR/ca.crt, OUTDIR/ca.key and OUTDIR/<id>.crt, OUTDIR/<id>.key for the standard
# identities (registry training evaluation competition gateway admin) and any extra ids.
# Same contents as `jcskills pki init`: ECDSA P-256 keys (PKCS#8 PEM, mode 0600), a CA valid
# for 3650 days, identities valid for 825 days with SANs URI:jcskills://<id>, DNS:localhost,
# IP:127.0.0.1 and extended key usage serverAuth,clientAuth.
#
# Re-running is safe: an existing ca.crt is reused and only identities whose .crt or .key is
# missing are issued. Requires OpenSSL 1.1.1 or newer (or LibreSSL 3).
set -euo pipefail

readonly STANDARD_IDS=(registry training evaluation competition gateway admin)
readonly ORG="Jincheng Skills Programme"
readonly CA_CN="Jincheng Skills Development CA"
readonly CA_DAYS=3650
readonly LEAF_DAYS=825

usage() {
    cat <<USAGE
usage: $(basename "$0") OUTDIR [extra-id ...]

Creates a development CA and mutual-TLS identities for JCSkills in OUTDIR (mode 0700 when
created): ca.crt, ca.key and <id>.crt, <id>.key for ${STANDARD_IDS[*]}
and every extra id.

Each identity's certificate carries the SAN URI the services authorise by:
  <id>                  URI:jcskills://<id>            e.g. auditor -> jcskills://auditor
  county-<6 digits>     URI:jcskills://county/<code>   e.g. county-140524 -> jcskills://county/140524
plus DNS:localhost and IP:127.0.0.1; EKU serverAuth,clientAuth; ECDSA P-256 keys (mode 0600).

An existing ca.crt is reused and existing identities are kept, so re-running only adds what is
missing. To start over, remove OUTDIR.

Example: $(basename "$0") ./tls county-140524 auditor
USAGE
}

die() {
    echo "make-dev-pki: $*" >&2
    exit 1
}

if [[ $# -lt 1 || "$1" == "-h" || "$1" == "--help" ]]; then
    usage
    [[ $# -ge 1 ]] && exit 0
    exit 2
fi
command -v openssl >/dev/null 2>&1 || die "openssl is not on PATH"

out=${1%/}
[[ -n "$out" ]] || out=/
shift
ids=("${STANDARD_IDS[@]}")
for extra in "$@"; do
    dup=0
    for id in "${ids[@]}"; do [[ "$id" == "$extra" ]] && dup=1; done
    [[ $dup -eq 1 ]] || ids+=("$extra")
done

uri_for() {
    local id=$1
    if [[ "$id" == county-* ]]; then
        echo "jcskills://county/${id#county-}"
    else
        echo "jcskills://$id"
    fi
}

# Validate every id before writing anything.
for id in "${ids[@]}"; do
    [[ "$id" =~ ^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$ ]] ||
        die "invalid identity \"$id\": ids are 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"
    [[ "$id" != "ca" ]] || die "invalid identity \"ca\": reserved for the CA's own files"
    if [[ "$id" == county-* && ! "${id#county-}" =~ ^[0-9]{6}$ ]]; then
        die "invalid identity \"$id\": county identities need a 6-digit division code (county-140524)"
    fi
done

umask 077
if [[ ! -d "$out" ]]; then
    [[ ! -e "$out" ]] || die "$out exists and is not a directory"
    mkdir -p "$out"
    chmod 700 "$out"
fi

work=$(mktemp -d "$out/.make-dev-pki.XXXXXX")
trap 'rm -rf "$work"' EXIT

cat >"$work/openssl.cnf" <<CNF
[req]
distinguished_name = dn
[dn]
[v3_ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
CNF

new_key() { # new_key FILE — ECDSA P-256, PKCS#8 PEM ("PRIVATE KEY")
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null ||
        die "openssl could not generate a P-256 key"
}

install_file() { # install_file SRC DEST MODE — atomic within OUTDIR
    chmod "$3" "$1"
    mv -f "$1" "$2"
}

ca_crt="$out/ca.crt"
ca_key="$out/ca.key"

if [[ -f "$ca_crt" ]]; then
    echo "CA: kept $ca_crt"
    created_ca=0
else
    [[ ! -e "$ca_key" ]] ||
        die "refusing to overwrite $ca_key: there is a CA key but no ca.crt; restore it, or remove $out to start over"
    for id in "${ids[@]}"; do
        for f in "$out/$id.crt" "$out/$id.key"; do
            [[ ! -e "$f" ]] ||
                die "refusing to overwrite $f: $out has no ca.crt, so this file belongs to another CA; remove it or $out"
        done
    done
    new_key "$work/ca.key"
    openssl req -new -x509 -sha256 -days "$CA_DAYS" \
        -key "$work/ca.key" \
        -subj "/O=$ORG/CN=$CA_CN" \
        -config "$work/openssl.cnf" -extensions v3_ca \
        -set_serial "0x$(openssl rand -hex 16)" \
        -out "$work/ca.crt" || die "openssl could not create the CA certificate"
    install_file "$work/ca.key" "$ca_key" 600
    install_file "$work/ca.crt" "$ca_crt" 644
    echo "CA: created $ca_crt"
    created_ca=1
fi

for id in "${ids[@]}"; do
    crt="$out/$id.crt"
    key="$out/$id.key"
    if [[ -f "$crt" && -f "$key" ]]; then
        openssl verify -no_check_time -CAfile "$ca_crt" "$crt" >/dev/null 2>&1 ||
            die "$crt was not issued by $ca_crt; delete it to have it reissued, or remove $out to start over"
        echo "kept:    $id"
        continue
    fi
    [[ -r "$ca_key" ]] || die "cannot read $ca_key: it is needed to issue \"$id\""
    uri=$(uri_for "$id")
    cat >"$work/$id.ext" <<EXT
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth,clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = URI:$uri,DNS:localhost,IP:127.0.0.1
EXT
    new_key "$work/$id.key"
    openssl req -new -sha256 -key "$work/$id.key" -subj "/O=$ORG/CN=$id" \
        -config "$work/openssl.cnf" -out "$work/$id.csr" ||
        die "openssl could not create the request for \"$id\""
    openssl x509 -req -sha256 -days "$LEAF_DAYS" -in "$work/$id.csr" \
        -CA "$ca_crt" -CAkey "$ca_key" -set_serial "0x$(openssl rand -hex 16)" \
        -extfile "$work/$id.ext" -out "$work/$id.crt" 2>/dev/null ||
        die "openssl could not sign the certificate for \"$id\""
    install_file "$work/$id.key" "$key" 600
    install_file "$work/$id.crt" "$crt" 644
    echo "created: $id ($uri)"
done

[[ $created_ca -eq 0 ]] || echo "Trust $ca_crt on every service and client; keep $ca_key offline in production."
