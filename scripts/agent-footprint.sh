#!/usr/bin/env bash
# Agent footprint benchmark: the SIAGA probe agent and Prometheus's node_exporter side by side on this host, the
# agent checking the host and a few HTTP and TCP targets every 30 s and posting to a small stand-in of the ticket
# service, node_exporter scraped every 30 s; prints RSS and CPU of both, their ratios and the load average.
# The agent runs as installed: the jar and its class-data sharing archive made by the launcher's own
# --create-cds-archive (as install.sh and the Debian package do), started by the launcher
# (probe-agent/src/main/dist/siaga-agent) with the environment of deploy/agent/siaga-agent.service.
#
#   scripts/agent-footprint.sh [SECONDS]     (default 300; 120-180 is enough while developing)
#
# Needs node_exporter (Debian: apt-get install -y prometheus-node-exporter; its service need not run) and the
# agent jar (built here with mvn -B -o package when missing). Not part of ./test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_TO_RUN="${1:-300}"
INTERVAL="${SIAGA_BENCH_INTERVAL:-30}"
NODE_EXPORTER="${NODE_EXPORTER:-$(command -v prometheus-node-exporter || command -v node_exporter || true)}"
if [ -z "$NODE_EXPORTER" ]; then
    echo "agent-footprint: node_exporter not found (Debian: apt-get install -y prometheus-node-exporter)" >&2
    exit 1
fi
JAR=probe-agent/target/siaga-agent.jar
if [ ! -f "$JAR" ]; then
    mvn -B -o -q -pl probe-agent -am package -DskipTests -Dquarkus.analytics.disabled=true
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$JAR" "$work/siaga-agent.jar"
cp probe-agent/src/main/dist/siaga-agent "$work/siaga-agent"
mkdir -p "$work/cache" "$work/outbox"

# The unit's environment, with its cache folder moved into the throw-away one.
unit=deploy/agent/siaga-agent.service
java_opts=$(sed -n 's/^Environment=SIAGA_AGENT_JAVA_OPTS=//p' "$unit" | sed "s#/var/cache/siaga-agent#$work/cache#g")
malloc_arenas=$(sed -n 's/^Environment=MALLOC_ARENA_MAX=//p' "$unit")
export SIAGA_AGENT_JAVA_OPTS="$java_opts" MALLOC_ARENA_MAX="$malloc_arenas" SIAGA_AGENT_JAR="$work/siaga-agent.jar"
export SIAGA_AGENT_TOKEN=footprint SIAGA_AGENT_ENV=/nonexistent
"$work/siaga-agent" --create-cds-archive
[ -f "$work/siaga-agent.jsa" ] && echo "agent-footprint: class-data sharing archive $(du -k "$work/siaga-agent.jsa" | cut -f1) kB"

echo "agent-footprint: $("$NODE_EXPORTER" --version 2>&1 | head -n 1); $(java -version 2>&1 | head -n 1)"
echo "agent-footprint: running both for $SECONDS_TO_RUN s (load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores) ..."
java scripts/AgentFootprint.java "$work" "$SECONDS_TO_RUN" "$INTERVAL" "$(getconf CLK_TCK)" \
    -- "$NODE_EXPORTER" \
    -- "$work/siaga-agent" run -c "$work/agent.yaml"
