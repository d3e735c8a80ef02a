#!/usr/bin/env bash
# Stops the Payara Micro nodes start-cluster.sh started (by the process ids it recorded, never by
# name): a graceful TERM, then KILL after SIGIL_STOP_TIMEOUT seconds (default 30). With --clean,
# also deletes $SIGIL_CLUSTER_DIR (default ./target/sigil-payara-cluster).
set -uo pipefail

cluster_dir=${SIGIL_CLUSTER_DIR:-$PWD/target/sigil-payara-cluster}
timeout=${SIGIL_STOP_TIMEOUT:-30}

pids=()
for n in 1 2; do
  file="$cluster_dir/node$n/server.pid"
  # Only a process whose command line names this node's directory: a pid file can outlive its
  # process, and the number can be reused.
  if [ -f "$file" ] && pid=$(cat "$file") && kill -0 "$pid" 2>/dev/null \
      && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF "$cluster_dir/node$n"; then
    kill -TERM "$pid" 2>/dev/null && pids+=("$pid")
  fi
  rm -f "$file"
done
deadline=$((SECONDS + timeout))
for pid in "${pids[@]}"; do
  while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
done
if [ "${1:-}" = "--clean" ]; then
  rm -rf "$cluster_dir"
fi
echo "Sigil cluster stopped (${#pids[@]} processes)"
