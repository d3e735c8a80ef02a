#!/usr/bin/env bash
# Stops the processes named by pid files, never by process name; used by the cluster stop scripts.
#
# usage: stop-by-pid-files.sh MARK TIMEOUT PID_FILE...
#   A pid file counts only if its process is alive and its command line contains MARK (a directory
#   of the cluster): a pid file can outlive its process, and the number can be reused. Each such
#   process gets TERM; whatever is still alive after TIMEOUT seconds gets KILL. Pid files of the
#   form */server.pid or */launcher.pid are deleted (the servers' own config/pid files are left to
#   them). Prints the number of processes signalled and exits 0.
set -uo pipefail

mark=${1:?MARK}
timeout=${2:?TIMEOUT}
shift 2
pids=()
for file in "$@"; do
  if [ -f "$file" ] && pid=$(cat "$file") && kill -0 "$pid" 2>/dev/null \
      && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF "$mark"; then
    kill -TERM "$pid" 2>/dev/null && pids+=("$pid")
  fi
  case "$file" in */server.pid|*/launcher.pid) rm -f "$file" ;; esac
done
deadline=$((SECONDS + timeout))
for pid in "${pids[@]}"; do
  while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
done
echo "${#pids[@]}"
