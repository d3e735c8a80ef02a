#!/usr/bin/env bash
# Stops the Payara Micro nodes start-cluster.sh started (by the process ids it recorded, never by
# name): a graceful TERM, then KILL after SIGIL_STOP_TIMEOUT seconds (default 30). With --clean,
# also deletes $SIGIL_CLUSTER_DIR (default ./target/sigil-payara-cluster).
set -uo pipefail

cluster_dir=${SIGIL_CLUSTER_DIR:-$PWD/target/sigil-payara-cluster}
timeout=${SIGIL_STOP_TIMEOUT:-30}

# Both nodes at once; only processes whose command line names a node directory of this cluster.
stopped=$("$(dirname "$0")/../../stop-by-pid-files.sh" "$cluster_dir/node" "$timeout" "$cluster_dir"/node[12]/server.pid)
if [ "${1:-}" = "--clean" ]; then
  rm -rf "$cluster_dir"
fi
echo "Sigil cluster stopped ($stopped processes)"
