#!/usr/bin/env bash
# End-to-end load benchmark: one WildFly 39 with the reference EAR (Sigil) and the comparison WARs
# (the same JAX-RS GET without authentication, and with WildFly's own MP-JWT for HS256 and RS256),
# measured with wrk, scenarios interleaved over several rounds. See bench/README.md, "Load".
#
# usage: bench/load/run.sh [--rounds N] [--duration S] [--connections C] [--threads T]
#                          [--port-offset O] [--multicast ADDRESS] [--cache-size N] [--no-build] [--smoke]
#                          [--profile] [--only NAME,NAME...] [--pace MS]
#   --rounds N        rounds of all scenarios (default 5); the first is left out of the table (cold JIT)
#   --duration S      seconds per scenario and round (default 10)
#   --connections C   wrk connections (default 32); --threads T wrk threads (default 2)
#   --port-offset O   WildFly's port offset (default 1500: HTTP 9580, management 11490)
#   --multicast A     the JGroups multicast address of this server (default 230.0.2.15)
#   --cache-size N    Sigil's sigil.token.cache.size (default: Sigil's default; 0 turns the cache off)
#   --no-build        use the EAR and WARs already built
#   --smoke           1 round of 2 s per scenario: proves every scenario answers right, prints the
#                     table, and fails if any measured request was not 2xx; its figures mean nothing
#   --profile         record JFR (settings=profile) during each scenario's run in the last round and
#                     write a text summary per scenario to bench/load/target/profiles/ (JfrSummary.java)
#   --only LIST       measure only these scenarios (comma-separated names, e.g. 'no auth,Sigil HS256')
#   --pace MS         same offered load for every scenario: each connection waits MS ms after each
#                     response (at most connections x 1000 / MS req/s); compares latency at equal load
# Everything binds 127.0.0.1; every process this script starts is stopped when it exits.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

rounds=5 duration=10 connections=32 threads=2 offset=1500 multicast=230.0.2.15 cache_size="" build=true smoke=false profile=false only="" pace=0
usage() { sed -n '5,24p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=${2:?}; shift 2 ;;
    --duration) duration=${2:?}; shift 2 ;;
    --connections) connections=${2:?}; shift 2 ;;
    --threads) threads=${2:?}; shift 2 ;;
    --port-offset) offset=${2:?}; shift 2 ;;
    --multicast) multicast=${2:?}; shift 2 ;;
    --cache-size) cache_size=${2:?}; shift 2 ;;
    --no-build) build=false; shift ;;
    --smoke) smoke=true; shift ;;
    --profile) profile=true; shift ;;
    --only) only=${2:?}; shift 2 ;;
    --pace) pace=${2:?}; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
if $smoke; then rounds=1; duration=2; fi
for n in "$rounds" "$duration" "$connections" "$threads" "$offset" "$pace"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "bench/load/run.sh: '$n' is not a number" >&2; exit 2; }
done
[ "$rounds" -ge 1 ] && [ "$duration" -ge 1 ] && [ "$threads" -ge 1 ] && [ "$connections" -ge "$threads" ] \
  || { echo "bench/load/run.sh: need rounds, duration, threads >= 1 and connections >= threads" >&2; exit 2; }
if ! command -v wrk >/dev/null 2>&1; then
  echo "bench/load/run.sh: wrk is not installed (Debian/Ubuntu: apt-get install -y wrk)" >&2
  exit 3
fi
for tool in curl java unzip mvn; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench/load/run.sh: $tool is not installed" >&2; exit 3; }
done

http_port=$((8080 + offset)) management_port=$((9990 + offset))
base="http://127.0.0.1:$http_port"
work="$root/bench/load/target"
server="$work/wildfly"
keys="$work/keys"
log() { echo "[load $(date -u +%H:%M:%S)] $*" >&2; }
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$http_port" "$management_port"; do
  if port_in_use "$port"; then
    echo "bench/load/run.sh: port $port is in use; choose another --port-offset" >&2
    exit 4
  fi
done

# ---------------------------------------------------------------- stop everything on exit
wrapper_pid="" java_pid=""
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  [ -z "$java_pid" ] && [ -s "$work/wildfly.pid" ] && java_pid=$(cat "$work/wildfly.pid")
  if [ -n "$java_pid" ] && kill -0 "$java_pid" 2>/dev/null; then
    log "stopping WildFly (pid $java_pid)"
    kill -TERM "$java_pid" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$java_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$java_pid" 2>/dev/null || true
  fi
  if [ -n "$wrapper_pid" ]; then
    kill -TERM "$wrapper_pid" 2>/dev/null || true
    wait "$wrapper_pid" 2>/dev/null || true
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- build and unpack
wildfly_version=$(sed -n 's:.*<wildfly.version>\(.*\)</wildfly.version>.*:\1:p' pom.xml | head -1)
if $build; then
  log "building the EAR and the comparison WARs"
  mvn -B -q -Dstyle.color=never package -DskipTests -Dsigil.fuzz.skip=true -pl ear,bench/comparison-war -am >&2
fi
ear="$root/ear/target/sigil.ear"
wars="$root/bench/comparison-war/target"
for f in "$ear" "$wars/bench-comparison.war" "$wars/bench-comparison-hs256.war" "$wars/bench-comparison-rs256.war" \
    "$wars/bench-comparison-floor.war" "$wars/bench-comparison-jaspic.war" "$wars/bench-comparison-basic.war" \
    "$wars/bench-comparison-sigil.war" "$wars/bench-comparison-sigil-bridge.war"; do
  [ -f "$f" ] || { echo "bench/load/run.sh: $f is missing (run without --no-build)" >&2; exit 5; }
done
mkdir -p "$work"
pristine="$work/wildfly-$wildfly_version"
if [ ! -d "$pristine" ]; then
  log "unpacking WildFly $wildfly_version"
  mvn -B -q -Dstyle.color=never -N dependency:copy -Dartifact="org.wildfly:wildfly-dist:$wildfly_version:zip" \
    -DoutputDirectory="$work/dist" >&2
  unzip -q "$work/dist/wildfly-dist-$wildfly_version.zip" -d "$work/unpack"
  mv "$work/unpack/wildfly-$wildfly_version" "$pristine"
  rm -rf "$work/unpack" "$work/dist"
fi
# A fresh server each run: the modules are hard links to the unpacked copy, standalone/ is copied.
rm -rf "$server" "$work/wildfly.pid"
mkdir "$server"
for entry in "$pristine"/* "$pristine"/.[!.]*; do
  [ -e "$entry" ] || continue
  if [ "$(basename "$entry")" = standalone ]; then cp -a "$entry" "$server/"; else cp -al "$entry" "$server/"; fi
done
log "configuring WildFly with server-config/wildfly/sigil.cli"
JBOSS_HOME="$server" "$server/bin/jboss-cli.sh" --file="$root/server-config/wildfly/sigil.cli" >"$work/cli.log" 2>&1 \
  || { cat "$work/cli.log" >&2; exit 6; }
cp "$ear" "$server/standalone/deployments/sigil.ear"
cp "$wars/bench-comparison.war" "$server/standalone/deployments/bench-plain.war"
cp "$wars/bench-comparison-hs256.war" "$server/standalone/deployments/bench-hs256.war"
cp "$wars/bench-comparison-rs256.war" "$server/standalone/deployments/bench-rs256.war"
cp "$wars/bench-comparison-floor.war" "$server/standalone/deployments/bench-floor.war"
cp "$wars/bench-comparison-jaspic.war" "$server/standalone/deployments/bench-jaspic.war"
cp "$wars/bench-comparison-basic.war" "$server/standalone/deployments/bench-basic.war"
cp "$wars/bench-comparison-sigil.war" "$server/standalone/deployments/bench-sigil.war"
cp "$wars/bench-comparison-sigil-bridge.war" "$server/standalone/deployments/bench-sigil-bridge.war"
# The BASIC scenario's caller, in the server's ApplicationRealm (a throwaway password of a
# loopback-only server that this script deletes at its next run).
basic_password="bench-alice-1!"
JBOSS_HOME="$server" "$server/bin/add-user.sh" -s -a -u alice -p "$basic_password" -g user,admin \
  -sc "$server/standalone/configuration" >>"$work/cli.log" 2>&1 || { cat "$work/cli.log" >&2; exit 6; }

# ---------------------------------------------------------------- keys and tokens
lifetime=$((rounds * 8 * (duration + 5) + 3600))
rm -rf "$keys"
java "$root/bench/load/MintTokens.java" "$keys" "$lifetime"

# ---------------------------------------------------------------- start WildFly
log "starting WildFly on 127.0.0.1:$http_port (management $management_port)"
(
  export JBOSS_HOME="$server" JBOSS_PIDFILE="$work/wildfly.pid" LAUNCH_JBOSS_IN_BACKGROUND=1
  export JAVA_OPTS="-Xms512m -Xmx512m -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m -Djava.net.preferIPv4Stack=true"
  export SIGIL_SECRET="$(tr -d '\n' <"$keys/secret.txt")"
  export MP_JWT_VERIFY_PUBLICKEY_LOCATION="$keys/outside.jwks.json"
  [ -n "$cache_size" ] && export SIGIL_TOKEN_CACHE_SIZE="$cache_size"
  exec "$server/bin/standalone.sh" -c standalone-ha.xml -b 127.0.0.1 -bmanagement 127.0.0.1 \
    -Djboss.bind.address.private=127.0.0.1 -Djboss.socket.binding.port-offset="$offset" \
    -Djboss.default.multicast.address="$multicast" -Djboss.node.name=sigil-bench \
    -Dsigil.demo=true -Dsigil.bench.keys="$keys"
) >"$work/server.out" 2>&1 &
wrapper_pid=$!

deployments=(sigil.ear bench-plain.war bench-hs256.war bench-rs256.war bench-floor.war bench-jaspic.war bench-basic.war
             bench-sigil.war bench-sigil-bridge.war)
deadline=$((SECONDS + 600))
for d in "${deployments[@]}"; do
  until [ -e "$server/standalone/deployments/$d.deployed" ]; do
    if [ -e "$server/standalone/deployments/$d.failed" ] || ! kill -0 "$wrapper_pid" 2>/dev/null \
        || [ "$SECONDS" -gt "$deadline" ]; then
      echo "bench/load/run.sh: $d did not deploy; the end of the server log:" >&2
      tail -40 "$server/standalone/log/server.log" >&2 2>/dev/null || tail -40 "$work/server.out" >&2
      exit 7
    fi
    sleep 1
  done
done
java_pid=$(cat "$work/wildfly.pid")
log "deployed: ${deployments[*]} (WildFly pid $java_pid)"

# ---------------------------------------------------------------- scenarios and checks
token() { tr -d '\n' <"$keys/$1.token"; }
# "Jakarta Security floor": a mechanism that checks nothing (bench/comparison-war, FloorMechanism),
# i.e. what the container's path around any Jakarta Security mechanism costs.
# "JASPIC floor": the same resource behind a bare Jakarta Authentication module that the WAR
# registers itself (no Jakarta Security, no Soteria bridge). "Elytron BASIC": the same resource
# behind WildFly's own BASIC mechanism (no Jakarta Authentication at all). "Sigil HS256, small
# WAR": the same resource behind Sigil's mechanism from the library jars, without the reference
# application around it; "... via bridge": the same WAR with sigil.token.direct-path=false in its
# own microprofile-config.properties, so its tokens go through Jakarta Security's bridge module.
names=("no auth" "Jakarta Security floor" "JASPIC floor" "Elytron BASIC" "SmallRye HS256" "SmallRye RS256"
       "Sigil HS256" "Sigil HS256 small WAR" "Sigil HS256 small WAR via bridge" "Sigil RS256" "Sigil ES256" "Sigil EdDSA"
       "Sigil session")
urls=("$base/bench-plain/api/me" "$base/bench-floor/api/me" "$base/bench-jaspic/api/me" "$base/bench-basic/api/me"
      "$base/bench-hs256/api/me" "$base/bench-rs256/api/me" "$base/app/api/me" "$base/bench-sigil/api/me"
      "$base/bench-sigil-bridge/api/me" "$base/app/api/me" "$base/app/api/me" "$base/app/api/me" "$base/app/api/me")
# The two floors ignore their header's value; they get the HS256 token all the same, so that every
# authenticated scenario sends (and the server parses) a request of the same size.
headers=("" "Authorization: Bearer $(token hs256)" "Authorization: Bearer $(token hs256)"
         "Authorization: Basic $(printf 'alice:%s' "$basic_password" | base64 -w0)"
         "Authorization: Bearer $(token hs256)" "Authorization: Bearer $(token rs256)"
         "Authorization: Bearer $(token hs256)" "Authorization: Bearer $(token hs256)" "Authorization: Bearer $(token hs256)"
         "Authorization: Bearer $(token rs256)"
         "Authorization: Bearer $(token es256)" "Authorization: Bearer $(token eddsa)" "")

# Sessions for the session scenario: twice as many as connections, so that no two requests in
# flight share one (WildFly locks a distributable session per request).
cookies="$work/session-cookies.txt"
: >"$cookies"
sessions=$((connections * 2))
log "logging in $sessions sessions"
for _ in $(seq "$sessions"); do
  cookie=$(curl -s -o /dev/null -D - --max-time 60 --data 'username=alice&password=alice-password' "$base/app/login" \
    | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(JSESSIONID=[^;]*\).*/\1/p' | head -1)
  [ -n "$cookie" ] || { echo "bench/load/run.sh: the form login at /app/login set no session cookie" >&2; exit 8; }
  echo "$cookie" >>"$cookies"
done

# status BODY_FILE URL [HEADER]
status() {
  local out=$1 url=$2 header=${3:-}
  if [ -n "$header" ]; then curl -s -o "$out" -w '%{http_code}' --max-time 60 -H "$header" "$url"
  else curl -s -o "$out" -w '%{http_code}' --max-time 60 "$url"; fi
}
failed=false
for i in "${!names[@]}"; do
  name=${names[$i]} url=${urls[$i]} header=${headers[$i]}
  [ "$name" = "Sigil session" ] && header="Cookie: $(head -1 "$cookies")"
  got=$(status "$work/check.body" "$url" "$header")
  if [ "$got" != 200 ] || ! grep -q "\"authenticatedBy\"" "$work/check.body"; then
    echo "check FAILED: $name answered $got with its credentials (expected 200)" >&2; failed=true
  elif [ "$i" -gt 0 ] && ! grep -q '"name":"alice"' "$work/check.body"; then
    echo "check FAILED: $name answered 200 but not for alice: $(head -c 200 "$work/check.body")" >&2; failed=true
  fi
  if [ "$i" -gt 0 ]; then
    got=$(status /dev/null "$url")
    [ "$got" = 401 ] || { echo "check FAILED: $name answered $got without credentials (expected 401)" >&2; failed=true; }
  fi
done
$failed && exit 9
log "checks passed: every scenario answers 200 with its credentials, and each authenticated one 401 without"

# ---------------------------------------------------------------- measure
cpu_ticks() { sed 's/.*) //' "/proc/$java_pid/stat" | awk '{print $12 + $13}'; }
value() { sed -n "s/.* $2=\([0-9]*\).*/\1/p" <<<"$1 "; }
results="$work/results.tsv"
: >"$results"
count=${#names[@]}
profiles="$work/profiles"
$profile && { rm -rf "$profiles"; mkdir -p "$profiles"; }
for round in $(seq "$rounds"); do
  for k in $(seq 0 $((count - 1))); do
    # Each round starts one scenario later, and every second round runs them in reverse order, so
    # that no scenario always follows the same one.
    if [ $((round % 2)) -eq 1 ]; then i=$(( (k + round - 1) % count )); else i=$(( (count - 1 - k + round - 1) % count )); fi
    name=${names[$i]}
    [ -n "$only" ] && [[ ",$only," != *",$name,"* ]] && continue
    recording=""
    if $profile && [ "$round" -eq "$rounds" ]; then
      recording="$profiles/$(tr ' ' '-' <<<"$name").jfr"
      jcmd "$java_pid" JFR.start name=bench settings=profile filename="$recording" >/dev/null
    fi
    args=(-t"$threads" -c"$connections" -d"${duration}s" --timeout 10s -s "$root/bench/load/wrk.lua" "${urls[$i]}")
    [ -n "${headers[$i]}" ] && args+=(-H "${headers[$i]}")
    [ "$name" = "Sigil session" ] && args+=(-- "$cookies" "$threads")
    # The previous scenario's garbage is collected before this one is measured, not billed to it.
    jcmd "$java_pid" GC.run >/dev/null 2>&1 || true
    sleep 1
    before=$(cpu_ticks)
    line=$(SIGIL_WRK_PACE_MS=$pace wrk "${args[@]}" | grep '^RESULT ') || { echo "bench/load/run.sh: wrk failed for $name" >&2; exit 10; }
    after=$(cpu_ticks)
    if [ -n "$recording" ]; then
      jcmd "$java_pid" JFR.stop name=bench >/dev/null
      java "$root/bench/load/JfrSummary.java" "$recording" "$name (load average $(cut -d' ' -f1-3 /proc/loadavg))" \
        >"${recording%.jfr}.txt"
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$name" "$(value "$line" requests)" "$(value "$line" duration_us)" \
      "$(value "$line" status_errors)" "$(value "$line" socket_errors)" "$(value "$line" p50_us)" "$(value "$line" p99_us)" "$((after - before))" \
      >>"$results"
    log "round $round/$rounds: $name: $(value "$line" requests) requests, $(value "$line" status_errors) non-2xx"
  done
done
# keep the scenarios' order in the table: sort by the scenario's index, stable
sorted="$work/results-sorted.tsv"
: >"$sorted"
for name in "${names[@]}"; do
  [ -n "$only" ] && [[ ",$only," != *",$name,"* ]] && continue
  awk -F'\t' -v n="$name" '$2 == n' "$results" >>"$sorted"
done

first_kept=2
[ "$rounds" -eq 1 ] && first_kept=1
echo
echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), $(uname -sm); $(date -u +%Y-%m-%dT%H:%MZ)"
echo "Command: bench/load/run.sh --rounds $rounds --duration $duration --connections $connections --threads $threads${cache_size:+ --cache-size $cache_size}$([ "$pace" -gt 0 ] && echo " --pace $pace (offered load at most $((connections * 1000 / pace)) req/s)")$($smoke && echo ' (--smoke)')"
echo "WildFly $wildfly_version, wrk on the same machine; rounds kept: $([ "$first_kept" -eq 1 ] && echo "1 (cold JIT: not a measurement)" || echo "$first_kept-$rounds (round 1 discarded)")"
echo
java "$root/bench/load/LoadReport.java" "$sorted" "$(getconf CLK_TCK)" "$first_kept"
if $smoke && awk -F'\t' '$5 > 0 || $6 > 0 { bad = 1 } END { exit !bad }' "$results"; then
  echo "bench/load/run.sh --smoke: some measured requests were not 2xx or failed" >&2
  exit 11
fi
