#!/usr/bin/env bash
# Stops what start-deployment-group.sh started: the deployment group's instances and the DAS, through
# asadmin (each step bounded by SIGIL_STOP_TIMEOUT seconds, default 60), then whatever is still
# alive by the process ids in the domain's and the instances' config/pid files (never by name):
# TERM, then KILL. With --clean, also deletes $SIGIL_CLUSTER_DIR
# (default ./target/sigil-payara-server-cluster). Needs PAYARA_HOME unless only pids are left.
set -uo pipefail

cluster_dir=${SIGIL_CLUSTER_DIR:-$PWD/target/sigil-payara-server-cluster}
timeout=${SIGIL_STOP_TIMEOUT:-60}
domain=sigil-cluster

if [ -n "${PAYARA_HOME:-}" ] && [ -f "$cluster_dir/admin.port" ] && [ -f "$cluster_dir/$domain/config/pid" ]; then
  admin_port=$(cat "$cluster_dir/admin.port")
  timeout "$timeout" "$PAYARA_HOME/bin/asadmin" --interactive=false --host 127.0.0.1 --port "$admin_port" \
    stop-deployment-group sigil-group
  timeout "$timeout" "$PAYARA_HOME/bin/asadmin" --interactive=false stop-domain --domaindir "$cluster_dir" "$domain"
fi

# Whatever asadmin left: only a process whose command line names this cluster's directory.
left=$("$(dirname "$0")/../../stop-by-pid-files.sh" "$cluster_dir/" "$timeout" \
  "$cluster_dir/$domain/config/pid" "$cluster_dir"/nodes/*/*/config/pid)
if [ "${1:-}" = "--clean" ]; then
  rm -rf "$cluster_dir"
fi
echo "Sigil deployment group stopped ($left processes left to signals)"
