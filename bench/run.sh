#!/usr/bin/env bash
# Builds the benchmark jar, runs Sigil's verify against the Java JWT libraries and the JDK floor,
# and prints a markdown table (ops/s, Sigil / fastest library, Sigil / floor).
#
# usage: bench/run.sh [SECONDS] [JMH arguments...]
#   SECONDS  length of each warm-up and measurement iteration (default 3: 2 warm-up + 3
#            measured iterations per benchmark, one fork; the whole run takes about 7 minutes
#            on 2 cores). Use 10 or more for figures you publish.
#   JMH arguments replace the default selection, e.g. `bench/run.sh 3 HS256` or
#   `bench/run.sh 5 'HS256.sigil' -prof gc`.
# The JSON result is kept in bench/target/results.json.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-3}"
[ "$#" -gt 0 ] && shift
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
  echo "usage: bench/run.sh [SECONDS] [JMH arguments...]" >&2
  exit 2
fi
selection=("$@")
[ "${#selection[@]}" -eq 0 ] && selection=('io\.sigil\.bench\.')

mvn -B -q -pl bench -am -Dmaven.test.skip=true package >&2
result=bench/target/results.json
java -jar bench/target/benchmarks.jar -f 1 -wi 2 -w "${seconds}s" -i 3 -r "${seconds}s" \
  -rf json -rff "$result" "${selection[@]}" >&2

echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(uname -sm); $(date -u +%Y-%m-%dT%H:%MZ)"
echo "Command: bench/run.sh $seconds${*:+ $*}"
echo
java -cp bench/target/benchmarks.jar io.sigil.bench.Report "$result"
