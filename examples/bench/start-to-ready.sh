#!/usr/bin/env bash
#
# SPDX-FileCopyrightText: The civic-diary authors
# SPDX-License-Identifier: EUPL-1.2
#

# Server start to ready: `java -jar` of the runnable jar until the first 200 of /health/ready, five
# times, each in an empty folder (so H2 is created and migrated each time), printing each run and the
# median: the wall-clock time, and the CPU time the JVM spent until then (all its threads), which
# depends less on what else runs on the machine. Build the jar first: mvn -B -q -DskipTests package.
# Usage: examples/bench/start-to-ready.sh [h2|postgres|h2-again] [JVM OPTIONS...]
#   h2        a fresh H2 database under ./data of an empty folder (the default)
#   h2-again  the same folder again: the schema is there (a restart)
#   postgres  database civicdiary_bench on 127.0.0.1:5432 (user postgres), dropped and created each run
# RUNS (default 5) and PORT (default 18380) can be set in the environment.
set -euo pipefail
cd "$(dirname "$0")/../.."
mode=${1:-h2}
shift || true
runs=${RUNS:-5}
port=${PORT:-18380}
jar=$(ls examples/target/civic-diary-server-*.jar 2>/dev/null | head -n 1)
[ -n "$jar" ] || { echo "no examples/target/civic-diary-server-*.jar: run mvn -B -q -DskipTests package"; exit 1; }
jar=$(pwd)/$jar
folder=$(mktemp -d)
pid=""
trap 'if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; rm -rf "$folder"' EXIT

times=()
cpus=()
for run in $(seq 1 "$runs"); do
  case "$mode" in
    h2) rm -rf "$folder"/* ;;
    h2-again) ;;
    postgres)
      psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists civicdiary_bench" \
        -c "create database civicdiary_bench" >/dev/null
      export CIVICDIARY_DB_URL=jdbc:postgresql://127.0.0.1:5432/civicdiary_bench CIVICDIARY_DB_USER=postgres ;;
    *) echo "unknown mode $mode"; exit 2 ;;
  esac
  start=$(date +%s%N)
  (cd "$folder" && exec env CIVICDIARY_WEB_PORT="$port" java "$@" -jar "$jar") >"$folder.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { cat "$folder.log"; echo "the server exited"; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$pid/stat")
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  times+=($(( (end - start) / 1000000 )))
  cpus+=("$cpu")
  echo "run $run: $(( (end - start) / 1000000 )) ms, CPU $cpu ms (load $(cut -d' ' -f1 /proc/loadavg))"
done
rm -f "$folder.log"
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
echo "$mode: median of $runs: $(median "${times[@]}") ms, CPU $(median "${cpus[@]}") ms" \
  "($(java -version 2>&1 | head -n 1); $(basename "$jar"), $(du -h "$jar" | cut -f1))"
