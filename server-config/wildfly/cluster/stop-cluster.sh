#!/usr/bin/env bash
# Stops the nodes start-cluster.sh started (by the process ids it recorded, never by name):
# a graceful TERM, then KILL after SIGIL_STOP_TIMEOUT seconds (default 30). With --clean, also
# deletes $SIGIL_CLUSTER_DIR (default ./target/sigil-wildfly-cluster).
set -uo pipefail

cluster_dir=${SIGIL_CLUSTER_DIR:-$PWD/target/sigil-wildfly-cluster}
timeout=${SIGIL_STOP_TIMEOUT:-30}

# Both nodes at once; only processes whose command line names a node directory of this cluster.
stopped=$("$(dirname "$0")/../../stop-by-pid-files.sh" "$cluster_dir/node" "$timeout" \
  "$cluster_dir"/node[12]/server.pid "$cluster_dir"/node[12]/launcher.pid)
if [ "${1:-}" = "--clean" ]; then
  rm -rf "$cluster_dir"
fi
echo "Sigil cluster stopped ($stopped processes)"
