#!/usr/bin/env bash
# Starts a two-node Sigil cluster of stock WildFly 39 servers on 127.0.0.1 and waits until both
# nodes have deployed the application and see each other.
#
#   export JBOSS_HOME=/path/to/wildfly-39.0.1.Final      # the unzipped wildfly-dist, untouched
#   export SIGIL_SECRET=...                               # the same secret for every node
#   server-config/wildfly/cluster/start-cluster.sh ear/target/sigil.ear
#   server-config/wildfly/cluster/stop-cluster.sh
#
# Each node gets its own copy of $JBOSS_HOME/standalone under $SIGIL_CLUSTER_DIR (default
# ./target/sigil-wildfly-cluster), configured offline with ../sigil.cli and cluster.cli; the
# installation itself is not changed. Nodes find each other over TCP (JGroups TCPPING with the
# static member list 127.0.0.1:7600+offset1, 127.0.0.1:7600+offset2); nothing listens beyond
# 127.0.0.1. Settings (environment, with defaults):
#   SIGIL_CLUSTER_DIR            ./target/sigil-wildfly-cluster
#   SIGIL_NODE1_PORT_OFFSET      3000  (http 11080, management 12990, jgroups 10600)
#   SIGIL_NODE2_PORT_OFFSET      3100  (http 11180, management 13090, jgroups 10700)
#   SIGIL_MULTICAST_ADDRESS      230.0.0.13 (JGroups no longer multicasts; mod_cluster's
#                                advertise socket still joins a group, keep it apart)
#   SIGIL_SERVER_ARGS            extra server arguments, e.g. -Dsigil.demo=true
#   SIGIL_NODE1_SERVER_ARGS, SIGIL_NODE2_SERVER_ARGS   more, for one node only
#   SIGIL_SERVER_JAVA_OPTS       -Xms64m -Xmx512m
#   SIGIL_START_TIMEOUT          300 (seconds to wait for both nodes)
# Writes node<N>/server.pid (the JVM) and node<N>/launcher.pid (standalone.sh) for stop-cluster.sh.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
: "${JBOSS_HOME:?set JBOSS_HOME to an unzipped WildFly 39 distribution}"
: "${SIGIL_SECRET:?set SIGIL_SECRET to the base64url secret every node shares}"
deployment=${1:?usage: start-cluster.sh path/to/sigil.ear}
[ -f "$deployment" ] || { echo "no deployment at $deployment" >&2; exit 2; }

cluster_dir=${SIGIL_CLUSTER_DIR:-$PWD/target/sigil-wildfly-cluster}
offsets=("${SIGIL_NODE1_PORT_OFFSET:-3000}" "${SIGIL_NODE2_PORT_OFFSET:-3100}")
multicast=${SIGIL_MULTICAST_ADDRESS:-230.0.0.13}
timeout=${SIGIL_START_TIMEOUT:-300}
java_opts=${SIGIL_SERVER_JAVA_OPTS:--Xms64m -Xmx512m}
port1=$((7600 + offsets[0]))
port2=$((7600 + offsets[1]))

mkdir -p "$cluster_dir"
for n in 1 2; do
  node="$cluster_dir/node$n"
  if [ -f "$node/server.pid" ] && kill -0 "$(cat "$node/server.pid")" 2>/dev/null; then
    echo "node$n is already running (pid $(cat "$node/server.pid")); run stop-cluster.sh first" >&2
    exit 1
  fi
  rm -rf "$node"
  cp -r "$JBOSS_HOME/standalone" "$node"
  rm -rf "$node/deployments/"*
  for script in "$here/../sigil.cli" "$here/cluster.cli"; do
    "$JBOSS_HOME/bin/jboss-cli.sh" -Djboss.server.base.dir="$node" --file="$script" > "$node/configure.log" 2>&1 \
      || { cat "$node/configure.log" >&2; exit 1; }
  done
  rm -rf "$node/log" "$node/data" "$node/tmp"   # the offline CLI runs leave a boot log there
  cp "$deployment" "$node/deployments/"
done

for n in 1 2; do
  node="$cluster_dir/node$n"
  node_args="SIGIL_NODE${n}_SERVER_ARGS"
  # shellcheck disable=SC2086
  LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$node/server.pid" JAVA_OPTS="$java_opts" \
    nohup "$JBOSS_HOME/bin/standalone.sh" -c standalone-ha.xml \
      -b 127.0.0.1 -bmanagement 127.0.0.1 -bprivate 127.0.0.1 \
      -Djboss.server.base.dir="$node" -Djboss.node.name="node$n" \
      -Djboss.socket.binding.port-offset="${offsets[$((n - 1))]}" \
      -Djboss.default.multicast.address="$multicast" -Djboss.modcluster.multicast.address="$multicast" \
      -Dsigil.cluster.port1="$port1" -Dsigil.cluster.port2="$port2" \
      ${SIGIL_SERVER_ARGS:-} ${!node_args:-} > "$node/console.log" 2>&1 < /dev/null &
  echo $! > "$node/launcher.pid"
done

# Ready: both servers started with the deployment, and they formed a cluster view of 2.
deadline=$((SECONDS + timeout))
for n in 1 2; do
  log="$cluster_dir/node$n/log/server.log"
  until [ -f "$log" ] && grep -q 'WFLYSRV0025\|WFLYSRV0026' "$log"; do
    if [ $SECONDS -ge $deadline ] || ! kill -0 "$(cat "$cluster_dir/node$n/launcher.pid")" 2>/dev/null; then
      echo "node$n did not start; see $log" >&2; exit 1
    fi
    sleep 1
  done
  if grep -q 'WFLYSRV0026\|WFLYCTL0186' "$log" || ! grep -q 'WFLYSRV0010: Deployed' "$log"; then
    echo "node$n started with errors or without the deployment; see $log" >&2; exit 1
  fi
done
until grep -q "WFLYCLJG0033: Connected 'ee' channel.* with view: \[[^]]*\] (2)" \
    "$cluster_dir/node1/log/server.log" "$cluster_dir/node2/log/server.log"; do
  if [ $SECONDS -ge $deadline ]; then
    echo "the nodes did not form a cluster of two; see $cluster_dir/node*/log/server.log" >&2; exit 1
  fi
  sleep 1
done
echo "Sigil cluster up: http://127.0.0.1:$((8080 + offsets[0]))/app and http://127.0.0.1:$((8080 + offsets[1]))/app"
