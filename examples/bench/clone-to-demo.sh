#!/usr/bin/env bash
#
# SPDX-FileCopyrightText: The civic-diary authors
# SPDX-License-Identifier: EUPL-1.2
#

# A new user's first run, timed: `git clone`, then the README's demo command with an EMPTY Maven
# repository, until the demo's /health/ready answers 200. Everything it downloads is counted.
# Usage: examples/bench/clone-to-demo.sh [REPOSITORY [BRANCH]]   (default: this checkout, its branch)
# The demo listens on $PORT and $PORT+1 (default 18280) so that it does not clash with a running demo.
set -euo pipefail
source=${1:-$(git -C "$(dirname "$0")" rev-parse --show-toplevel)}
branch=${2:-$(git -C "$source" rev-parse --abbrev-ref HEAD)}
port=${PORT:-18280}
work=$(mktemp -d)
m2=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill -TERM -- "-$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work" "$m2"
}
trap cleanup EXIT

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s%N)
git clone -q --branch "$branch" "$source" "$work/civic-diary"
cloned=$(date +%s%N)
cd "$work/civic-diary"
CIVICDIARY_WEB_PORT=$port CIVICDIARY_DEMO_PORTAL_PORT=$((port + 1)) \
  setsid mvn -B -q -DskipTests -Dmaven.repo.local="$m2" -pl examples -am package exec:exec >"$work/demo.log" 2>&1 &
pid=$!
deadline=$((SECONDS + 900))
until curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready"; do
  if ! kill -0 "$pid" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
    cat "$work/demo.log"; echo "the demo did not become ready"; exit 1
  fi
  sleep 0.5
done
ready=$(date +%s%N)
curl -fsS "http://127.0.0.1:$port/api/v1/departments" | grep -q '"civil-affairs"' || { echo "no sample data"; exit 1; }
echo "clone: $(( (cloned - start) / 1000000 )) ms; clone to demo ready: $(( (ready - start) / 1000000 )) ms"
echo "Maven repository filled: $(du -sh "$m2" | cut -f1); load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
