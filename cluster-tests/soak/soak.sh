#!/usr/bin/env bash
# A soak with faults, outside the test command: a two-node WildFly 39 cluster, then a two-node
# Payara Micro 6 cluster, each for SOAK_MINUTES (default 10) under SOAK_CONNECTIONS (default 64)
# connections of mixed traffic (token requests, requests with tokens and with a session, form
# logins, bad tokens, logouts) through a round-robin TCP balancer on 127.0.0.1. Halfway, node1's
# JVM is killed with kill -9 and started again with the same command line. Reports, each minute:
# requests, errors by kind, 5xx, token requests that failed while a node was down (on the
# survivor), sessions lost, and each node's heap after a full GC.
#
#   mvn -B -q install -DskipTests -Dsigil.fuzz.skip=true -pl ear,war -am
#   export JBOSS_HOME=/path/to/wildfly-39.0.1.Final PAYARA_MICRO_JAR=/path/to/payara-micro.jar
#   cluster-tests/soak/soak.sh                 # both, 10 minutes each
#   cluster-tests/soak/soak.sh --short wildfly # 1 minute, WildFly only (kill at 30 s)
#
# Everything binds 127.0.0.1. Results go to $SOAK_DIR (default ./target/soak)/<target>/report.txt.
# Settings (environment, with defaults): SOAK_MINUTES 10 (--short: 1), SOAK_CONNECTIONS 64,
# SOAK_BALANCER_PORT 25080, SOAK_WILDFLY_OFFSETS "3800 3900" (port offsets of the two nodes; http
# 8080+offset; keep them below 7900, JGroups' tcp-fd port is 57600+offset),
# SOAK_MICRO_HTTP_PORTS "24180 24181", SOAK_MICRO_GRID_PORTS "6910 6911", SOAK_MULTICAST_ADDRESS
# 230.0.0.14, SIGIL_SECRET (a random one when unset). Needs curl and a JDK (java, jcmd).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
minutes=${SOAK_MINUTES:-10}
targets=()
for arg in "$@"; do
  case "$arg" in
    --short) minutes=1 ;;
    wildfly|payara) targets+=("$arg") ;;
    all) targets=(wildfly payara) ;;
    *) echo "usage: soak.sh [--short] [wildfly|payara|all]" >&2; exit 2 ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(wildfly payara)
seconds=$((minutes * 60))
connections=${SOAK_CONNECTIONS:-64}
balancer_port=${SOAK_BALANCER_PORT:-25080}
soak_dir=${SOAK_DIR:-$PWD/target/soak}
read -r -a wf_offsets <<< "${SOAK_WILDFLY_OFFSETS:-3800 3900}"
read -r -a micro_http <<< "${SOAK_MICRO_HTTP_PORTS:-24180 24181}"
read -r -a micro_grid <<< "${SOAK_MICRO_GRID_PORTS:-6910 6911}"
export SIGIL_SECRET=${SIGIL_SECRET:-$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')}
export SIGIL_SERVER_ARGS="-Dsigil.demo=true ${SIGIL_SERVER_ARGS:-}"

# Prints "heap after GC" of one JVM in MiB, from jcmd.
heap_after_gc() {
  jcmd "$1" GC.run > /dev/null 2>&1 || { echo "?"; return; }
  jcmd "$1" GC.heap_info 2>/dev/null | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); gsub(/[K,]/, "", v); printf "%d", v / 1024; exit } }'
}

# Waits until a node answers /app/api/me with 401 (up, deployed).
wait_up() {
  local port=$1 deadline=$((SECONDS + 300))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/app/api/me")" = 401 ]; do
    [ $SECONDS -lt $deadline ] || { echo "the node on port $port did not come back" >&2; return 1; }
    sleep 1
  done
}

soak() {
  local target=$1 dir=$2 port1=$3 port2=$4
  local report="$dir/report.txt" flag="$dir/node-down"
  rm -f "$report" "$flag"
  echo "$target: $connections connections for $minutes min through 127.0.0.1:$balancer_port -> $port1, $port2" | tee -a "$report"
  java "$here/Soak.java" "$balancer_port" "$port1" "$port2" "$connections" "$seconds" "$flag" "$report" &
  local client=$!

  # Heap after GC of each node, each minute.
  (
    for ((m = 1; m <= minutes; m++)); do
      sleep 60
      line="minute $m heap after GC (MiB):"
      for n in 1 2; do
        pid=$(cat "$dir/node$n/server.pid" 2>/dev/null || true)
        line="$line node$n $( [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && heap_after_gc "$pid" || echo down)"
      done
      echo "$line" | tee -a "$report"
    done
  ) &
  local sampler=$!

  # Halfway: kill -9 node1's JVM, start it again with the same command line and directory.
  sleep $((seconds / 2))
  local pid cwd
  pid=$(cat "$dir/node1/server.pid")
  mapfile -d '' command < "/proc/$pid/cmdline"
  cwd=$(readlink "/proc/$pid/cwd")
  touch "$flag"
  kill -9 "$pid"
  echo "$(date +%T) node1 (pid $pid) killed with kill -9" | tee -a "$report"
  (cd "$cwd" && exec nohup "${command[@]}" > "$dir/node1/console-restarted.log" 2>&1 < /dev/null) &
  sleep 2
  # The new JVM, found by its node directory (the stop scripts check the same), for the stop script.
  pgrep -n -f -- "$dir/node1" > "$dir/node1/server.pid" || true
  wait_up "$port1" || true
  rm -f "$flag"
  echo "$(date +%T) node1 is back (pid $(cat "$dir/node1/server.pid"))" | tee -a "$report"

  wait "$client" || echo "the load client failed" | tee -a "$report"
  wait "$sampler" || true
  echo "$target report: $report"
}

for target in "${targets[@]}"; do
  dir="$soak_dir/$target"
  mkdir -p "$dir"
  export SIGIL_CLUSTER_DIR="$dir"
  if [ "$target" = wildfly ]; then
    : "${JBOSS_HOME:?set JBOSS_HOME to an unzipped WildFly 39}"
    export SIGIL_NODE1_PORT_OFFSET=${wf_offsets[0]} SIGIL_NODE2_PORT_OFFSET=${wf_offsets[1]}
    export SIGIL_MULTICAST_ADDRESS=${SOAK_MULTICAST_ADDRESS:-230.0.0.14}
    "$root/server-config/wildfly/cluster/start-cluster.sh" "$root/ear/target/sigil.ear"
    trap '"$root/server-config/wildfly/cluster/stop-cluster.sh"' EXIT
    soak wildfly "$dir" $((8080 + wf_offsets[0])) $((8080 + wf_offsets[1]))
    "$root/server-config/wildfly/cluster/stop-cluster.sh"
  else
    : "${PAYARA_MICRO_JAR:?set PAYARA_MICRO_JAR to the payara-micro jar}"
    export SIGIL_NODE1_HTTP_PORT=${micro_http[0]} SIGIL_NODE2_HTTP_PORT=${micro_http[1]}
    export SIGIL_NODE1_GRID_PORT=${micro_grid[0]} SIGIL_NODE2_GRID_PORT=${micro_grid[1]}
    export SIGIL_CLUSTER_NAME=${SOAK_CLUSTER_NAME:-sigil-soak}
    "$root/server-config/payara/cluster/start-cluster.sh" "$root/war/target/sigil.war"
    trap '"$root/server-config/payara/cluster/stop-cluster.sh"' EXIT
    soak payara "$dir" "${micro_http[0]}" "${micro_http[1]}"
    "$root/server-config/payara/cluster/stop-cluster.sh"
  fi
  trap - EXIT
done
