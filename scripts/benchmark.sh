#!/usr/bin/env bash
# Findings ingest benchmark: pgbench single-INSERT baseline (B1) and the ticket service's batched and
# single-finding ingest, measured in one run on one throw-away PostgreSQL; prints figures and ratios.
# Also runs every other *Benchmark (the ticket list at 10k/1M, the repair knowledge at 10k/100k: KnowledgeBenchmark,
# escalation lateness with 10,000 running clocks: ClockBenchmark);
# one alone: scripts/benchmark.sh -Dit.test=KnowledgeBenchmark
# Needs pgbench (Debian: apt-get install postgresql-15 or postgresql-contrib). Not part of ./test.sh.
# Two more comparisons run on their own: scripts/startup-benchmark.sh (the service's start-up and RSS against a bare
# Quarkus REST + Panache app) and scripts/agent-footprint.sh (the probe agent beside node_exporter).
set -euo pipefail
cd "$(dirname "$0")/.."
PGBENCH="${PGBENCH:-$(ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -n 1 || true)}"
if [ -z "$PGBENCH" ] && ! PGBENCH="$(command -v pgbench)"; then
    echo "benchmark: pgbench not found (Debian: apt-get install -y postgresql-15)" >&2
    exit 1
fi
exec mvn -B -pl ticket-service -am verify -Pbenchmark -Dquarkus.analytics.disabled=true \
    -Dsiaga.bench.pgbench="$PGBENCH" "$@"
