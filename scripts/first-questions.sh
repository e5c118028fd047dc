#!/bin/bash
# The first questions after a restart (docs/benchmarks.md, "The first question after a restart"): starts the packaged
# service on an existing journal, times the start until /q/health/ready answers 200 (polled every 20 ms), then each
# path given, in turn, with curl; stops the service (SIGTERM: it writes its snapshot, as a clean stop does).
#
#   scripts/first-questions.sh JOURNAL_DIR '/states?attribute=status&at=0' '/states?attribute=status&at=0' ...
#
# APP (bootstrap/target/quarkus-app), PORT (18481) and HEAP (2g) may be set. Not run by CI.
set -euo pipefail
JOURNAL=$1; shift
APP=${APP:-bootstrap/target/quarkus-app}; PORT=${PORT:-18481}; HEAP=${HEAP:-2g}
LOG=$(mktemp)
started=$(date +%s%N)
java -Xmx"$HEAP" -Dtimelines.storage=journal -Dtimelines.journal.dir="$JOURNAL" -Dquarkus.http.port="$PORT" \
  -jar "$APP/quarkus-run.jar" > "$LOG" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null; rm -f "$LOG"' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/q/health/ready")" = 200 ]; do
  kill -0 $service || { cat "$LOG"; exit 1; }
  sleep 0.02
done
echo "load average $(cut -d' ' -f1 /proc/loadavg); ready after $(( ($(date +%s%N) - started) / 1000000 )) ms"
grep -o 'replayed in [0-9]* ms\|[0-9]* questions about .* in [0-9]* ms' "$LOG" || true
for path in "$@"; do
  echo "$(curl -s -o /dev/null -w '%{time_total} s %{http_code}' "http://127.0.0.1:$PORT$path") $path"
done
