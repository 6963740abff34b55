#!/usr/bin/env bash
# Builds SIAGA and runs it on this machine: the ticket service on an embedded PostgreSQL whose data is kept
# in ./.siaga (it survives restarts), with a probe agent reporting this machine into it.
# Needs only Java 17 and Maven. Stop it with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")"

DATA_DIR="${SIAGA_DATA_DIR:-$PWD/.siaga}"
PORT="${QUARKUS_HTTP_PORT:-8080}"
URL="http://localhost:$PORT"
mkdir -p "$DATA_DIR"
chmod 700 "$DATA_DIR"
DATA_DIR=$(cd "$DATA_DIR" && pwd)

if [ -z "${SIAGA_ADMIN_PASSWORD:-}" ]; then
    if [ ! -s "$DATA_DIR/admin-password" ]; then
        (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$DATA_DIR/admin-password")
    fi
    SIAGA_ADMIN_PASSWORD="$(cat "$DATA_DIR/admin-password")"
fi
export SIAGA_ADMIN_PASSWORD

# The web pages' session cookie is encrypted with this key; kept so that sign-ins survive a restart.
if [ -z "${QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY:-}" ]; then
    if [ ! -s "$DATA_DIR/session-key" ]; then
        (umask 077; head -c 32 /dev/urandom | base64 | tr -d '/+=' > "$DATA_DIR/session-key")
    fi
    QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY="$(cat "$DATA_DIR/session-key")"
fi
export QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY

if [ "${SIAGA_SKIP_BUILD:-}" != "1" ]; then
    echo "SIAGA: building (mvn -B package -DskipTests) ..."
    mvn -B -q package -DskipTests -Dquarkus.analytics.disabled=true
fi

pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

echo "SIAGA: starting the ticket service on $URL (data in $DATA_DIR) ..."
# From its package folder, so the class-data sharing archive the build made (app-cds.jsa) matches and is used.
(cd ticket-service/target/quarkus-app && SIAGA_DATA_DIR="$DATA_DIR" QUARKUS_HTTP_PORT="$PORT" \
    exec java -XX:+UseSerialGC -Xmx256m -XX:SharedArchiveFile=app-cds.jsa -jar quarkus-run.jar) &
pids+=($!)

ready() {
    if command -v curl >/dev/null 2>&1; then
        curl -fsS "$URL/q/health/ready" >/dev/null 2>&1
    else
        (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null
    fi
}
for _ in $(seq 1 120); do
    if ready; then break; fi
    if ! kill -0 "${pids[0]}" 2>/dev/null; then echo "SIAGA: the ticket service did not start" >&2; exit 1; fi
    sleep 1
done

AGENT_JAR=probe-agent/target/siaga-agent.jar
if [ -f "$AGENT_JAR" ] && [ -f scripts/local-agent.sh ]; then
    SIAGA_URL="$URL" SIAGA_DATA_DIR="$DATA_DIR" scripts/local-agent.sh &
    pids+=($!)
fi

cat <<MSG

  SIAGA is running.
    Web pages:    $URL            (status board, tickets, reports; in Indonesian, English on request)
    API:          $URL/api/v1     (Swagger UI at $URL/q/swagger-ui)
    Sign in:      user 'admin', password '$SIAGA_ADMIN_PASSWORD'  (kept in $DATA_DIR/admin-password)
    Health:       $URL/q/health
  Press Ctrl-C to stop.

MSG
wait "${pids[0]}"
