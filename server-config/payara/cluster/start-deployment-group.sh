#!/usr/bin/env bash
# Starts a Sigil cluster on Payara Server 6: a new domain whose DAS listens on 127.0.0.1, a
# deployment group of two instances on one local node, the EAR deployed to the group with
# availability (replicated web sessions) on, and waits until both instances serve the application
# in one Hazelcast data grid.
#
#   export PAYARA_HOME=/path/to/payara6          # the unzipped Payara Server 6 distribution, untouched
#   export SIGIL_SECRET=...                      # becomes the password alias sigil-secret
#   server-config/payara/cluster/start-deployment-group.sh ear/target/sigil.ear
#   server-config/payara/cluster/stop-deployment-group.sh
#
# Everything lives under $SIGIL_CLUSTER_DIR: the domain (sigil-cluster) and the node directory of
# the node sigil-node, so the installation is not changed. The DAS is configured by ../sigil.asadmin,
# the instances by deployment-group.asadmin before they are created;
# Hazelcast runs in tcpip mode with the static member list of the DAS and both instances on
# 127.0.0.1; nothing listens beyond 127.0.0.1. docs/payara-server-cluster.md explains each step.
# Settings (environment, with defaults):
#   SIGIL_CLUSTER_DIR        ./target/sigil-payara-server-cluster
#   SIGIL_DAS_PORTBASE       27000 (admin 27048, http 27080; every DAS port is portbase + n)
#   SIGIL_NODE1_PORTBASE     27100 (instance node1: http 27180, admin 27148)
#   SIGIL_NODE2_PORTBASE     27200 (instance node2: http 27280, admin 27248)
#   SIGIL_DAS_GRID_PORT      6910  (Hazelcast member of the DAS)
#   SIGIL_NODE1_GRID_PORT    6911
#   SIGIL_NODE2_GRID_PORT    6912
#   SIGIL_CLUSTER_NAME       sigil-cluster (members join only a data grid of the same name)
#   SIGIL_SERVER_ARGS        JVM options for both instances, e.g. -Dsigil.demo=true
#   SIGIL_NODE1_SERVER_ARGS, SIGIL_NODE2_SERVER_ARGS   more, for one instance only
#   SIGIL_START_TIMEOUT      300 (seconds to wait for the DAS, and again for both instances)
#   AS_JAVA                  the JDK Payara runs on (Java 17)
# Writes admin.port for stop-deployment-group.sh. Logs: sigil-cluster/logs/server.log (DAS),
# nodes/sigil-node/node<N>/logs/server.log (instances); process ids in the config/pid files there.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
: "${PAYARA_HOME:?set PAYARA_HOME to the unzipped Payara Server 6 (the directory holding bin/asadmin)}"
: "${SIGIL_SECRET:?set SIGIL_SECRET to the base64url secret every instance shares}"
deployment=${1:?usage: start-deployment-group.sh path/to/sigil.ear}
[ -f "$deployment" ] || { echo "no deployment at $deployment" >&2; exit 2; }
deployment=$(cd "$(dirname "$deployment")" && pwd)/$(basename "$deployment")

cluster_dir=${SIGIL_CLUSTER_DIR:-$PWD/target/sigil-payara-server-cluster}
das_portbase=${SIGIL_DAS_PORTBASE:-27000}
portbases=("${SIGIL_NODE1_PORTBASE:-27100}" "${SIGIL_NODE2_PORTBASE:-27200}")
das_grid=${SIGIL_DAS_GRID_PORT:-6910}
grid_ports=("${SIGIL_NODE1_GRID_PORT:-6911}" "${SIGIL_NODE2_GRID_PORT:-6912}")
cluster_name=${SIGIL_CLUSTER_NAME:-sigil-cluster}
timeout=${SIGIL_START_TIMEOUT:-300}
admin_port=$((das_portbase + 48))
domain=sigil-cluster
node=sigil-node
group=sigil-group
members="127.0.0.1:$das_grid,127.0.0.1:${grid_ports[0]},127.0.0.1:${grid_ports[1]}"

asadmin() {
  "$PAYARA_HOME/bin/asadmin" --interactive=false --host 127.0.0.1 --port "$admin_port" "$@"
}

das_pid_file="$cluster_dir/$domain/config/pid"
if [ -f "$das_pid_file" ] && kill -0 "$(cat "$das_pid_file")" 2>/dev/null; then
  echo "the DAS is already running (pid $(cat "$das_pid_file")); run stop-deployment-group.sh first" >&2
  exit 1
fi
rm -rf "$cluster_dir"
mkdir -p "$cluster_dir"
echo "$admin_port" > "$cluster_dir/admin.port"

# The domain and its DAS. The first boot adds jms-service to the configuration, which sigil.asadmin
# then disables; the DAS's listener addresses and its data grid settings take effect at the restart.
"$PAYARA_HOME/bin/asadmin" --interactive=false create-domain --nopassword=true --portbase "$das_portbase" --checkports=false \
  --domaindir "$cluster_dir" "$domain"
"$PAYARA_HOME/bin/asadmin" --interactive=false start-domain --domaindir "$cluster_dir" --timeout "$timeout" "$domain"

# The secret, as the password alias that sigil.secret names (created before the property that
# refers to it). The file lives only for this command.
secret_file="$cluster_dir/alias-password.txt"
(umask 077 && printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$SIGIL_SECRET" > "$secret_file")
asadmin --passwordfile "$secret_file" create-password-alias sigil-secret || { rm -f "$secret_file"; exit 1; }
rm -f "$secret_file"

# The DAS itself, then what every instance needs (an instance's configuration is a copy of
# default-config, so this comes before create-instance).
asadmin multimode --file "$here/../sigil.asadmin"
asadmin multimode --file "$here/deployment-group.asadmin"

# The data grid: a static member list on loopback, fixed ports (no auto-increment: a member on
# another port would not be in the list), one name per cluster.
asadmin set-hazelcast-configuration --clustermode tcpip --tcpipmembers "$members" \
  --clustername "$cluster_name" --dasport "$das_grid" --startport "${grid_ports[0]}" --autoincrementport false \
  --interfaces 127.0.0.1 --dasbindaddress 127.0.0.1 --dynamic false
"$PAYARA_HOME/bin/asadmin" --interactive=false restart-domain --domaindir "$cluster_dir" --timeout "$timeout" "$domain"

# One node on this host whose instance directories live in the cluster directory.
asadmin create-node-config --nodehost localhost --installdir "$PAYARA_HOME" --nodedir "$cluster_dir/nodes" "$node"
for n in 1 2; do
  # --checkports=false: every port is portbase + n, as the caller expects; without it a port that
  # happens to be busy at this moment (a client's ephemeral port) is silently replaced by the next.
  asadmin create-instance --node "$node" --portbase "${portbases[$((n - 1))]}" --checkports=false \
    --systemproperties "HZ_LISTENER_PORT=${grid_ports[$((n - 1))]}" "node$n"
  node_args="SIGIL_NODE${n}_SERVER_ARGS"
  for option in ${SIGIL_SERVER_ARGS:-} ${!node_args:-}; do
    # create-jvm-options separates options with ':'; a ':' inside one is escaped.
    asadmin create-jvm-options --target "node$n" -- "${option//:/\\:}"
  done
  asadmin add-instance-to-deployment-group --instance "node$n" --deploymentgroup "$group"
done

# The application, for the group: an instance that joins the group later gets it too.
asadmin deploy --target "$group" --availabilityenabled=true --name sigil "$deployment"
asadmin start-deployment-group --timeout "$timeout" --instanceTimeout "$timeout" "$group"

# Ready: each instance answers on /app, and the data grid has all three members.
deadline=$((SECONDS + timeout))
for n in 1 2; do
  url="http://127.0.0.1:$((portbases[n - 1] + 80))/app/api/me"
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 401 ]; do
    if [ $SECONDS -ge $deadline ]; then
      echo "node$n does not serve the application; see $cluster_dir/nodes/$node/node$n/logs/server.log" >&2
      exit 1
    fi
    sleep 1
  done
done
grid_formed() {
  local members_seen
  members_seen=$(asadmin list-hazelcast-cluster-members 2>/dev/null) || return 1
  for port in "$das_grid" "${grid_ports[@]}"; do
    grep -qE "/127\.0\.0\.1 .* $port +(true|false)" <<< "$members_seen" || return 1
  done
}
until grid_formed; do
  if [ $SECONDS -ge $deadline ]; then
    echo "the DAS and both instances did not form one data grid; see the logs under $cluster_dir" >&2
    exit 1
  fi
  sleep 1
done
echo "Sigil cluster up: http://127.0.0.1:$((portbases[0] + 80))/app and http://127.0.0.1:$((portbases[1] + 80))/app"
