#!/usr/bin/env bash
# Server memory of signed-in users: session logins versus tokens, on a two-node WildFly cluster and
# on one node. See docs/performance.md, "Memory".
#
# usage: bench/load/memory.sh [--sessions N] [--tokens N] [--parallel P] [--offsets O1,O2] [--multicast A]
#   --sessions N   form logins per phase (default 300; each costs a PBKDF2 check of ~0.1 s CPU)
#   --tokens N     different HS256 tokens sent once each (default 2000)
#   --parallel P   concurrent curl clients (default 8)
#   --offsets      the two nodes' port offsets (default 2400,2500)
#   --multicast A  the nodes' multicast address (default 230.0.2.8)
# Starts the two nodes with server-config/wildfly/cluster/start-cluster.sh (ear/target/sigil.ear,
# demo users), then, reading the live heap with `jcmd PID GC.class_histogram` (a full GC first):
#   1. two nodes: N form logins at node1; heap growth on node1 and node2 per session;
#   2. tokens: N different tokens at node1, each once (what a token costs the server is an entry of
#      the verified-token cache, bounded by sigil.token.cache.size); heap growth per token;
#   3. one node: node2 stopped; N more form logins at node1; heap growth per session.
# Prints the figures and the largest class differences. Stops both nodes on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

sessions=300 tokens=2000 parallel=8 offsets=2400,2500 multicast=230.0.2.8
while [ $# -gt 0 ]; do
  case "$1" in
    --sessions) sessions=${2:?}; shift 2 ;;
    --tokens) tokens=${2:?}; shift 2 ;;
    --parallel) parallel=${2:?}; shift 2 ;;
    --offsets) offsets=${2:?}; shift 2 ;;
    --multicast) multicast=${2:?}; shift 2 ;;
    *) sed -n '5,10p' "$0" >&2; exit 2 ;;
  esac
done
o1=${offsets%,*} o2=${offsets#*,}
work="$root/bench/load/target/memory"
wildfly_version=$(sed -n 's:.*<wildfly.version>\(.*\)</wildfly.version>.*:\1:p' pom.xml | head -1)
pristine="$root/bench/load/target/wildfly-$wildfly_version"
[ -d "$pristine" ] || { echo "memory.sh: $pristine is missing: run bench/load/run.sh --smoke once" >&2; exit 5; }
[ -f ear/target/sigil.ear ] || { echo "memory.sh: ear/target/sigil.ear is missing" >&2; exit 5; }
log() { echo "[memory $(date -u +%H:%M:%S)] $*" >&2; }

rm -rf "$work"
mkdir -p "$work"
java "$root/bench/load/MintTokens.java" "$work/keys" 7200 "$tokens"
export JBOSS_HOME="$pristine" SIGIL_CLUSTER_DIR="$work/cluster" SIGIL_SECRET="$(tr -d '\n' <"$work/keys/secret.txt")"
export SIGIL_NODE1_PORT_OFFSET=$o1 SIGIL_NODE2_PORT_OFFSET=$o2 SIGIL_MULTICAST_ADDRESS=$multicast
export SIGIL_SERVER_ARGS=-Dsigil.demo=true SIGIL_SERVER_JAVA_OPTS="-Xms256m -Xmx1g"
stop() { "$root/server-config/wildfly/cluster/stop-cluster.sh" >/dev/null 2>&1 || true; }
trap stop EXIT
log "starting two nodes (offsets $o1, $o2)"
pid() { cat "$work/cluster/node$1/server.pid"; }
if ! "$root/server-config/wildfly/cluster/start-cluster.sh" "$root/ear/target/sigil.ear" >&2; then
  # On a busy machine both nodes may start before they find each other; JGroups merges them later.
  kill -0 "$(pid 1)" && kill -0 "$(pid 2)" || exit 1
  log "waiting for the two nodes to merge into one cluster"
  for _ in $(seq 600); do grep -q 'ISPN00009[34].*(2)' "$work/cluster/node1/log/server.log" && break; sleep 1; done
  grep -q 'ISPN00009[34].*(2)' "$work/cluster/node1/log/server.log" || { echo "memory.sh: no cluster of two" >&2; exit 1; }
fi
url() { echo "http://127.0.0.1:$((8080 + $1))/app"; }
node1=$(url "$o1")

# heap NAME NODE: the live heap's class histogram (full GC first) into $work/NAME.histo
heap() { jcmd "$(pid "$2")" GC.class_histogram >"$work/$1.histo"; }
total() { awk '$1 == "Total" { print $3 }' "$work/$1.histo"; }
# grow BEFORE AFTER COUNT: bytes per item, and the classes that grew most
grow() {
  local bytes=$(( $(total "$2") - $(total "$1") ))
  echo "$2: heap +$bytes bytes for $3 = $((bytes / $3)) bytes each"
  awk 'FNR == NR && $1 ~ /:$/ { before[$4] = $3; next } $1 ~ /:$/ { d = $3 - before[$4]; if (d > 0) print d, $4 }' \
    "$work/$1.histo" "$work/$2.histo" | sort -rn | head -12 | sed 's/^/    +/'
}
login() {
  curl -s -o /dev/null -D - --max-time 120 --data 'username=alice&password=alice-password' "$1/login" \
    | grep -ci '^set-cookie: JSESSIONID' || true
}
export -f login
# logins URL COUNT: form logins, each a new session; prints how many set a session cookie
logins() { seq "$2" | xargs -P "$parallel" -I{} bash -c "login $1" | awk '{ n += $1 } END { print n + 0 }'; }

# Warm both nodes: the first login and token request load classes that are not per user.
for n in "$o1" "$o2"; do
  logins "$(url "$n")" 4 >/dev/null
  curl -s -o /dev/null -H "Authorization: Bearer $(head -1 "$work/keys/hs256-many.txt")" "$(url "$n")/api/me"
done

log "phase 1: $sessions form logins at node1 of two"
heap two-before-1 1; heap two-before-2 2
ok=$(logins "$node1" "$sessions")
heap two-after-1 1; heap two-after-2 2
echo "== two nodes: $ok of $sessions logins set a session cookie"
grow two-before-1 two-after-1 "$sessions"
grow two-before-2 two-after-2 "$sessions"

log "phase 2: $tokens different tokens at node1"
heap tokens-before 1
tail -n +2 "$work/keys/hs256-many.txt" | xargs -P "$parallel" -I{} \
  curl -s -o /dev/null -w '%{http_code}\n' -H 'Authorization: Bearer {}' "$node1/api/me" | sort | uniq -c >"$work/token-status.txt"
heap tokens-after 1
echo "== tokens: answers $(tr -s ' \n' ' ' <"$work/token-status.txt")"
grow tokens-before tokens-after "$((tokens - 1))"

log "phase 3: node2 stopped; $sessions form logins at node1 alone"
node2_pid=$(pid 2)
kill -TERM "$node2_pid"
for _ in $(seq 120); do kill -0 "$node2_pid" 2>/dev/null || break; sleep 1; done
sleep 10   # node1 takes the new view
heap one-before 1
ok=$(logins "$node1" "$sessions")
heap one-after 1
echo "== one node: $ok of $sessions logins set a session cookie"
grow one-before one-after "$sessions"
jcmd "$(pid 1)" GC.heap_info | sed 's/^/    /'
