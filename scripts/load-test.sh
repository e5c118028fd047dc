#!/usr/bin/env bash
# The open-model load test of docs/benchmarks.md ("Load test"): starts the packaged service on localhost with a
# journal in a temporary directory (fsync=always, the default), offers it a constant request rate with
# scripts/LoadTest.java, prints latency percentiles and the error rate, and stops the service. Not run by CI.
#
#   scripts/load-test.sh                      # 200 requests/s for 60 s after 10 s of warm-up
#   RATE=400 DURATION=120 scripts/load-test.sh
#   STREAM_CLIENTS=100 DURATION=30 scripts/load-test.sh   # the transitions stream under load (scripts/StreamLoad.java)
set -euo pipefail
cd "$(dirname "$0")/.."

RATE=${RATE:-200}
DURATION=${DURATION:-60}
WARMUP=${WARMUP:-10}
PORT=${PORT:-18080}
HEAP=${HEAP:-1g}
JAR=${JAR:-bootstrap/target/quarkus-app/quarkus-run.jar}

if [ ! -f "$JAR" ]; then
  mvn -B -q -pl bootstrap -am package -DskipTests
fi

WORK=$(mktemp -d)
java -Xmx"$HEAP" -Dquarkus.http.port="$PORT" -Dquarkus.http.host=127.0.0.1 \
  -Dtimelines.journal.dir="$WORK/journal" -jar "$JAR" > "$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'kill "$SERVICE" 2>/dev/null || true; wait "$SERVICE" 2>/dev/null || true; rm -rf "$WORK"' EXIT

for _ in $(seq 1 300); do
  if curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null; then break; fi
  if ! kill -0 "$SERVICE" 2>/dev/null; then cat "$WORK/service.log"; exit 1; fi
  sleep 0.2
done

if [ -n "${STREAM_CLIENTS:-}" ]; then
  java scripts/StreamLoad.java "http://127.0.0.1:$PORT" "$STREAM_CLIENTS" "$DURATION"
else
  java scripts/LoadTest.java --base "http://127.0.0.1:$PORT" --rate "$RATE" --duration "$DURATION" --warmup "$WARMUP"
fi
echo
echo "service: $(java -version 2>&1 | head -1), -Xmx$HEAP, journal fsync=always; machine: $(nproc) cores"
