#!/usr/bin/env bash
# The ingest profile of docs/benchmarks.md ("Ingest: where the service's CPU and heap go"): starts the packaged
# service on a fresh journal (fsync=always) with a JFR recording (CPU samples with exact line attribution,
# allocation samples), asks `status` once so that ingest keeps its index current, sends an NDJSON file in
# requests of 10,000 lines from 2 concurrent senders, and prints events/s, the service's CPU time per event
# (user + system from /proc, JIT and GC threads included) and the load average; the recording stays in OUT.
# Summarise it with scripts/jfr_buckets.py. Not run by CI.
#
#   scripts/profile-ingest.sh bench/target/run/data/orders-small-42.ndjson
#   JFR=off APP=/tmp/other/quarkus-app OUT=/tmp/prof scripts/profile-ingest.sh FILE
set -euo pipefail
cd "$(dirname "$0")/.."

FILE=$1
APP=${APP:-bootstrap/target/quarkus-app}
OUT=${OUT:-$(mktemp -d)}
PORT=${PORT:-18911}
HEAP=${HEAP:-2g}
RECORDING=()
if [ "${JFR:-on}" != off ]; then
  RECORDING=(-XX:FlightRecorderOptions:stackdepth=256 -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints
    "-XX:StartFlightRecording=filename=$OUT/ingest.jfr,settings=profile,dumponexit=true")
fi

mkdir -p "$OUT/batches"
split -l 10000 -d -a 4 "$FILE" "$OUT/batches/batch-"
java -Xmx"$HEAP" "${RECORDING[@]}" -Dquarkus.http.port="$PORT" -Dquarkus.http.host=127.0.0.1 \
  -Dtimelines.journal.dir="$OUT/journal" -Dtimelines.journal.fsync=always \
  -jar "$APP/quarkus-run.jar" > "$OUT/service.log" 2>&1 &
SERVICE=$!
trap 'kill "$SERVICE" 2>/dev/null || true; wait "$SERVICE" 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null; do sleep 0.5; done
curl -sf "http://127.0.0.1:$PORT/states?attribute=status&at=0" > /dev/null

send() {
  for batch in "$@"; do
    curl -sf -H 'Content-Type: application/x-ndjson' --data-binary "@$batch" \
      "http://127.0.0.1:$PORT/events" > /dev/null
  done
}
ticks() { awk '{print $14 + $15}' "/proc/$SERVICE/stat"; }
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
CPU_BEFORE=$(ticks)
START=$(date +%s.%N)
send "$OUT"/batches/batch-*[02468] &
EVEN=$!
send "$OUT"/batches/batch-*[13579] &
ODD=$!
wait "$EVEN" "$ODD"
END=$(date +%s.%N)
CPU_AFTER=$(ticks)
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
EVENTS=$(cat "$OUT"/batches/batch-* | wc -l)
awk -v n="$EVENTS" -v wall="$(echo "$END - $START" | bc)" -v cpu="$(( CPU_AFTER - CPU_BEFORE ))" \
  -v hz="$(getconf CLK_TCK)" -v lb="$LOAD_BEFORE" -v la="$LOAD_AFTER" 'BEGIN {
    printf "%d events in %.1f s: %d events/s; service CPU %.2f us per event; load average %s -> %s\n",
      n, wall, n / wall, cpu / hz / n * 1e6, lb, la }'
echo "journal: $(du -sh "$OUT/journal" | cut -f1); recording and log in $OUT"
