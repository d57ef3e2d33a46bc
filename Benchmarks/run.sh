#!/usr/bin/env bash
# The side-by-side comparison: our protocol against grpc-swift 2 and a bare
# NIO + TLS echo, our codec against swift-protobuf. Builds in release (the first build takes
# ten minutes or more here: gRPC, HTTP/2 and swift-protobuf), runs everything once, prints the
# Markdown report and keeps it in results/latest.md. Options go to jcskills-bench (see --help),
# e.g. ./run.sh --runs 1 --duration 2 for a quick look.
set -euo pipefail
cd "$(dirname "$0")"
swift build -c release --product jcskills-bench >&2
mkdir -p results
.build/release/jcskills-bench "$@" | tee results/latest.md.partial
mv results/latest.md.partial results/latest.md
