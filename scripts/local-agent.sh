#!/usr/bin/env bash
# Runs a probe agent for this machine, reporting into the local SIAGA service started by ./run.sh:
# registers the machine once (its id and token kept in $SIAGA_DATA_DIR/agent.env), writes a configuration
# with checks of this machine, and runs the agent in the foreground.
set -euo pipefail
cd "$(dirname "$0")/.."

URL="${SIAGA_URL:-http://localhost:8080}"
DATA_DIR="${SIAGA_DATA_DIR:-$PWD/.siaga}"
ADMIN_PASSWORD="${SIAGA_ADMIN_PASSWORD:-$(cat "$DATA_DIR/admin-password")}"
NAME="${SIAGA_LOCAL_SERVER_NAME:-$(hostname | tr -cd 'A-Za-z0-9._-' | cut -c1-60)-local}"
PORT="${URL##*:}"
PORT="${PORT%%/*}"

if [ ! -s "$DATA_DIR/agent.env" ]; then
    read -r ID TOKEN < <(java scripts/RegisterServer.java "$URL" "$ADMIN_PASSWORD" "$NAME" OTHER "this machine")
    (umask 077; printf 'SIAGA_AGENT_SERVER_ID=%s\nSIAGA_AGENT_TOKEN=%s\n' "$ID" "$TOKEN" > "$DATA_DIR/agent.env")
    echo "SIAGA: registered this machine as server '$NAME' (id $ID)"
fi
set -a
. "$DATA_DIR/agent.env"
set +a

mkdir -p "$DATA_DIR/agent-outbox"
cat > "$DATA_DIR/agent.yaml" <<YAML
# Written by scripts/local-agent.sh: this machine, checked every 30 s, reporting to $URL.
server:
  id: $SIAGA_AGENT_SERVER_ID
  name: $NAME
service:
  url: $URL
  token: \${SIAGA_AGENT_TOKEN}
interval: 30s
outbox:
  dir: $DATA_DIR/agent-outbox
  maxFindings: 10000
checks:
  - key: siaga-web
    kind: http
    url: $URL/q/health/ready
    expectStatus: 200
    expectText: UP
    warnMs: 2000
    critMs: 5000
  - key: siaga-port
    kind: tcp
    host: 127.0.0.1
    port: $PORT
  - key: host
    kind: host
  - key: java
    kind: process
    name: java
    min: 1
  - key: database-files
    kind: file-age
    dir: $DATA_DIR/postgres/pg_wal
    pattern: "*"
    maxAgeHours: 48
YAML

export SIAGA_AGENT_JAR="$PWD/probe-agent/target/siaga-agent.jar"
export SIAGA_AGENT_ENV="$DATA_DIR/agent.env"
# The class-data sharing archive install.sh makes, made here once per build of the jar.
if [ ! -f "${SIAGA_AGENT_JAR%.jar}.jsa" ] || [ "$SIAGA_AGENT_JAR" -nt "${SIAGA_AGENT_JAR%.jar}.jsa" ]; then
    probe-agent/src/main/dist/siaga-agent --create-cds-archive
fi
echo "SIAGA: starting the probe agent for '$NAME' ($DATA_DIR/agent.yaml)"
exec probe-agent/src/main/dist/siaga-agent run -c "$DATA_DIR/agent.yaml"
