#!/usr/bin/env bash
# The ticket service's benchmarks, each on its own throw-away durable PostgreSQL, each comparison run three times
# interleaved with its baseline (A B A B A B) and printed as min / median / max with the ratio of medians and the
# machine's load average:
#   FindingsBenchmark          single-finding posts vs B1 (pgbench, 1-row INSERT), batched posts vs B1x100 (pgbench,
#                              one 100-row INSERT), single posts open loop at 80 % (latency from the scheduled send);
#   NationalHeadroomBenchmark  2,000 servers posting 8 findings + heartbeat open loop at 1500/2000/2500/3420 posts/s;
#   TicketListBenchmark        the ticket list at 10k vs 1M tickets (made through the API, multiplied by SQL copies);
#   KnowledgeBenchmark         the repair knowledge at 10k/100k;
#   ClockBenchmark             escalation lateness and sweep CPU with 10,000 running clocks;
#   StatusBenchmark            requests/s and p99 of the public status page and its API;
#   OfficeBenchmark            514 offices sending summaries to one upstream, and /wilayah at 514 offices.
# One alone: scripts/benchmark.sh -Dit.test=NationalHeadroomBenchmark. Knobs (-D...): siaga.bench.seconds (10),
# siaga.bench.rounds (3), siaga.bench.warmup (60: the least seconds of load before the findings benchmarks measure;
# then on until the JIT compiler uses under 0.1 core, at most siaga.bench.warmup-max, 300), siaga.bench.rates,
# siaga.bench.writers, siaga.bench.ids=random (random finding ids, not the agent's time-ordered ones),
# siaga.bench.statements=true (the headroom run also prints PostgreSQL's time by statement, pg_stat_statements);
# siaga.bench.open-clients (256, FindingsBenchmark's open-loop connections), siaga.bench.headroom.clients (2000: one
# connection per server);
# siaga.service.jvm adds JVM options to the service
# (e.g. -Dsiaga.service.jvm=-XX:StartFlightRecording=filename=/tmp/siaga.jfr,settings=profile to profile it).
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
