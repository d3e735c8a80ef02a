#!/usr/bin/env bash
# Starts a two-node Sigil cluster of Payara Micro 6 on 127.0.0.1 and waits until both nodes serve
# the application and have formed one Hazelcast data grid.
#
#   export PAYARA_MICRO_JAR=/path/to/payara-micro-6.2025.10.jar   # stock, from Maven Central
#   export SIGIL_SECRET=...                                        # the same secret for every node
#   server-config/payara/cluster/start-cluster.sh war/target/sigil.war
#   server-config/payara/cluster/stop-cluster.sh
#
# Payara Micro deploys a WAR, not an EAR. Nodes find each other over TCP (Hazelcast tcpip mode
# with the static member list 127.0.0.1:port1,127.0.0.1:port2), nothing listens beyond
# 127.0.0.1, and sessions of a <distributable/> application are replicated in the grid.
# Settings (environment, with defaults):
#   SIGIL_CLUSTER_DIR        ./target/sigil-payara-cluster
#   SIGIL_NODE1_HTTP_PORT    24080
#   SIGIL_NODE2_HTTP_PORT    24081
#   SIGIL_NODE1_GRID_PORT    6900  (Hazelcast)
#   SIGIL_NODE2_GRID_PORT    6901
#   SIGIL_CLUSTER_NAME       sigil-cluster (nodes join only a grid of the same name)
#   SIGIL_SERVER_ARGS        extra JVM arguments, e.g. -Dsigil.demo=true
#   SIGIL_NODE1_SERVER_ARGS, SIGIL_NODE2_SERVER_ARGS   more, for one node only
#   SIGIL_SERVER_JAVA_OPTS   -Xms64m -Xmx512m
#   SIGIL_START_TIMEOUT      300 (seconds to wait for both nodes)
# Writes node<N>/server.pid for stop-cluster.sh; each node logs to node<N>/server.log.0 (Payara
# numbers the file) and node<N>/console.log.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
: "${PAYARA_MICRO_JAR:?set PAYARA_MICRO_JAR to the payara-micro jar}"
: "${SIGIL_SECRET:?set SIGIL_SECRET to the base64url secret every node shares}"
deployment=${1:?usage: start-cluster.sh path/to/sigil.war}
[ -f "$deployment" ] || { echo "no deployment at $deployment" >&2; exit 2; }

cluster_dir=${SIGIL_CLUSTER_DIR:-$PWD/target/sigil-payara-cluster}
http_ports=("${SIGIL_NODE1_HTTP_PORT:-24080}" "${SIGIL_NODE2_HTTP_PORT:-24081}")
grid_ports=("${SIGIL_NODE1_GRID_PORT:-6900}" "${SIGIL_NODE2_GRID_PORT:-6901}")
cluster_name=${SIGIL_CLUSTER_NAME:-sigil-cluster}
timeout=${SIGIL_START_TIMEOUT:-300}
java_opts=${SIGIL_SERVER_JAVA_OPTS:--Xms64m -Xmx512m}
members="127.0.0.1:${grid_ports[0]},127.0.0.1:${grid_ports[1]}"

mkdir -p "$cluster_dir"
for n in 1 2; do
  node="$cluster_dir/node$n"
  if [ -f "$node/server.pid" ] && kill -0 "$(cat "$node/server.pid")" 2>/dev/null; then
    echo "node$n is already running (pid $(cat "$node/server.pid")); run stop-cluster.sh first" >&2
    exit 1
  fi
  rm -rf "$node"
  mkdir -p "$node"
  # The file name gives the context root: /app.
  cp "$deployment" "$node/app.war"
  # Micro takes one pre-boot file: Sigil's Micro settings, then the cluster's.
  cat "$here/../micro-preboot.asadmin" "$here/micro-preboot.asadmin" > "$node/preboot.asadmin"
done

for n in 1 2; do
  node="$cluster_dir/node$n"
  node_args="SIGIL_NODE${n}_SERVER_ARGS"
  # shellcheck disable=SC2086
  nohup java $java_opts -Dhazelcast.socket.bind.any=false ${SIGIL_SERVER_ARGS:-} ${!node_args:-} \
    -jar "$PAYARA_MICRO_JAR" \
    --name "node$n" --rootdir "$node/root" --logtofile "$node/server.log" \
    --port "${http_ports[$((n - 1))]}" \
    --clustermode "tcpip:$members" --interfaces 127.0.0.1 --clustername "$cluster_name" \
    --startport "${grid_ports[$((n - 1))]}" \
    --prebootcommandfile "$node/preboot.asadmin" \
    --deploy "$node/app.war" > "$node/console.log" 2>&1 < /dev/null &
  echo $! > "$node/server.pid"
done

# Ready: each node answers on /app, and each sees a grid of two members.
deadline=$((SECONDS + timeout))
for n in 1 2; do
  url="http://127.0.0.1:${http_ports[$((n - 1))]}/app/api/me"
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 401 ]; do
    if [ $SECONDS -ge $deadline ] || ! kill -0 "$(cat "$cluster_dir/node$n/server.pid")" 2>/dev/null; then
      echo "node$n did not start; see $cluster_dir/node$n/server.log and console.log" >&2; exit 1
    fi
    sleep 1
  done
done
for n in 1 2; do
  until cat "$cluster_dir/node$n/console.log" "$cluster_dir/node$n"/server.log* 2>/dev/null \
      | grep -q 'DG Size: 2'; do
    if [ $SECONDS -ge $deadline ]; then
      echo "node$n did not join a grid of two; see $cluster_dir/node$n/server.log" >&2; exit 1
    fi
    sleep 1
  done
done
echo "Sigil cluster up: http://127.0.0.1:${http_ports[0]}/app and http://127.0.0.1:${http_ports[1]}/app"
