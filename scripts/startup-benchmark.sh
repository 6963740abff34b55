#!/usr/bin/env bash
# Start-up benchmark: the ticket service (A) against a bare Quarkus REST (Jackson) + Panache app (B, built here from
# scripts/startup-bare with the same Quarkus), each started on an empty database of one throw-away PostgreSQL,
# interleaved A B A B ... Prints launch-to-first-200 (the service: an authenticated GET /api/v1/tickets, so
# Flyway, Hibernate, the SOP and admin seeding are all in it; the bare app: GET /items) and the RSS after 200
# mixed requests, min/median/max, the ratio of medians and the load average.
#
#   scripts/startup-benchmark.sh [ROUNDS]      (default 3)
#
# Both start from their package folder (java -jar quarkus-run.jar there, as an AppCDS archive requires) with the
# service's own launch flags (./run.sh, deploy/ticket-service/siaga-ticket.service):
# SIAGA_BENCH_JAVA_OPTS, default "-XX:+UseSerialGC -Xmx256m". The package build makes a class-data sharing
# archive (ticket-service/target/quarkus-app/app-cds.jsa), and ./run.sh and the unit start with it: the service is
# timed both without it (A) and with it (A+cds, as deployed).
# SIAGA_BENCH_LOGS=DIR keeps each start's log there (Quarkus's own timestamps show where the time goes).
# SIAGA_BENCH_NMT=DIR keeps each app's native memory summary and heap after the 200 requests there (add
# -XX:NativeMemoryTracking=summary to SIAGA_BENCH_JAVA_OPTS).
# Needs PostgreSQL's server binaries (Debian: apt-get install -y postgresql-15) and curl. Not part of ./test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS="${1:-3}"
JAVA_OPTS="${SIAGA_BENCH_JAVA_OPTS:--XX:+UseSerialGC -Xmx256m}"
PGBIN="${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)}"
[ -x "$PGBIN/initdb" ] || { echo "startup-benchmark: PostgreSQL not found (apt-get install -y postgresql-15)" >&2; exit 1; }
SERVICE=ticket-service/target/quarkus-app/quarkus-run.jar
BARE=scripts/startup-bare/target/quarkus-app/quarkus-run.jar
if [ ! -f "$SERVICE" ]; then
    mvn -B -o -q -pl ticket-service -am package -DskipTests -Dquarkus.analytics.disabled=true
fi
if [ ! -f "$BARE" ] || [ -n "$(find scripts/startup-bare/src scripts/startup-bare/pom.xml -newer "$BARE" | head -n 1)" ]; then
    mvn -B -o -q -f scripts/startup-bare/pom.xml package -DskipTests -Dquarkus.analytics.disabled=true
fi

work=$(mktemp -d)
as_pg=()
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo $((20000 + RANDOM % 20000)); }
PGPORT=$(free_port)
cleanup() {
    [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
    if [ -n "${SIAGA_BENCH_LOGS:-}" ]; then mkdir -p "$SIAGA_BENCH_LOGS" && cp "$work"/*.log "$SIAGA_BENCH_LOGS"/ 2>/dev/null; fi
    "${as_pg[@]}" "$PGBIN/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
# PostgreSQL refuses to run as root: then it runs as the postgres (or nobody) user.
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
    as_pg=(runuser -u "$(id -u postgres >/dev/null 2>&1 && echo postgres || echo nobody)" --)
    chmod 0777 "$work"
fi
"${as_pg[@]}" "$PGBIN/initdb" -D "$work/pg" -U postgres --auth=trust >/dev/null
"${as_pg[@]}" "$PGBIN/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w \
    -o "-p $PGPORT -k $work -c listen_addresses=127.0.0.1" start >/dev/null
ADMIN_PASSWORD=startup-benchmark-admin
n=0

# run NAME JAR PATH EXTRA_JAVA_OPTS: one start on a new database; appends "ms rss_kb" to $work/NAME
run() {
    local name=$1 jar=$2 path=$3 extra=$4 port auth=() start ms code
    n=$((n + 1))
    "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres "db$n"
    port=$(free_port)
    [ "$name" != B ] && auth=(-u "admin:$ADMIN_PASSWORD")
    start=$(date +%s%N)
    # shellcheck disable=SC2086
    QUARKUS_HTTP_PORT=$port QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PGPORT/db$n" \
        QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
        SIAGA_ADMIN_PASSWORD=$ADMIN_PASSWORD SIAGA_NOTIFY_EMAIL=false SIAGA_DATA_DIR="$work/data$n" \
        sh -c 'cd "$(dirname "$1")" && shift && exec "$@"' - "$jar" java $JAVA_OPTS $extra -jar quarkus-run.jar \
        >"$work/$name-$n.log" 2>&1 &
    app_pid=$!
    until code=$(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" "http://127.0.0.1:$port$path") \
            && [ "$code" = 200 ]; do
        kill -0 "$app_pid" 2>/dev/null || { echo "startup-benchmark: $name exited, see its log:" >&2; tail -n 30 "$work/$name-$n.log" >&2; exit 1; }
        sleep 0.02
    done
    ms=$((($(date +%s%N) - start) / 1000000))
    local base="http://127.0.0.1:$port" i
    for i in $(seq 1 50); do
        if [ "$name" = B ]; then
            curl -s -o /dev/null "$base/items"
            curl -s -o /dev/null -X POST -H 'Content-Type: application/json' --data "{\"name\":\"item $i\"}" "$base/items"
            curl -s -o /dev/null "$base/items/1"
            curl -s -o /dev/null "$base/items/$i"
        else
            curl -s -o /dev/null "${auth[@]}" "$base/api/v1/tickets"
            curl -s -o /dev/null "${auth[@]}" -X POST -H 'Content-Type: application/json' \
                --data "{\"name\":\"bench-$i\",\"role\":\"SIAK_APP\",\"location\":\"Painan\"}" "$base/api/v1/servers"
            curl -s -o /dev/null "${auth[@]}" "$base/api/v1/servers"
            curl -s -o /dev/null "$base/q/health/ready"
        fi
    done
    local rss
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$app_pid/status")
    if [ -n "${SIAGA_BENCH_NMT:-}" ]; then
        mkdir -p "$SIAGA_BENCH_NMT"
        jcmd "$app_pid" VM.native_memory summary >"$SIAGA_BENCH_NMT/$name-$n.nmt" 2>&1 || true
        jcmd "$app_pid" GC.heap_info >>"$SIAGA_BENCH_NMT/$name-$n.nmt" 2>&1 || true
    fi
    kill "$app_pid"
    wait "$app_pid" 2>/dev/null || true
    app_pid=
    "$PGBIN/dropdb" -h 127.0.0.1 -p "$PGPORT" -U postgres "db$n"
    echo "$ms $rss" >>"$work/$name"
    printf '  %-6s start %6d ms   RSS after 200 requests %4d MB\n' "$name" "$ms" $((rss / 1024))
}

cds=ticket-service/target/quarkus-app/app-cds.jsa
echo "startup-benchmark: $ROUNDS rounds, java $JAVA_OPTS; load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
for round in $(seq 1 "$ROUNDS"); do
    echo " round $round"
    run A "$SERVICE" /api/v1/tickets ""
    run B "$BARE" /items ""
    if [ -f "$cds" ]; then
        run A+cds "$SERVICE" /api/v1/tickets "-XX:SharedArchiveFile=app-cds.jsa"
    fi
done

# stats NAME COLUMN: "min median max"
stats() { cut -d' ' -f"$2" "$work/$1" | sort -n | awk '{v[NR]=$1} END {printf "%d %d %d\n", v[1], v[int((NR+1)/2)], v[NR]}'; }
echo
echo "startup-benchmark: load average after $(cut -d' ' -f1-3 /proc/loadavg)"
printf '  %-6s %28s %30s\n' "" "start ms min/median/max" "RSS MB min/median/max"
for name in A B A+cds; do
    [ -f "$work/$name" ] || continue
    read -r s1 s2 s3 < <(stats "$name" 1)
    read -r r1 r2 r3 < <(stats "$name" 2)
    printf '  %-6s %12d %6d %6d    %12d %6d %6d\n' "$name" "$s1" "$s2" "$s3" $((r1 / 1024)) $((r2 / 1024)) $((r3 / 1024))
done
read -r _ b_start _ < <(stats B 1)
read -r _ b_rss _ < <(stats B 2)
for name in A A+cds; do
    [ -f "$work/$name" ] || continue
    read -r _ a_start _ < <(stats "$name" 1)
    read -r _ a_rss _ < <(stats "$name" 2)
    awk -v n="$name" -v as="$a_start" -v bs="$b_start" -v ar="$a_rss" -v br="$b_rss" 'BEGIN {
        printf "  %s / B: start %.2fx (goal <= 1.3x: %s), RSS %.2fx (goal <= 1.25x: %s)\n", n, as / bs,
            (as / bs <= 1.3 ? "met" : "MISSED"), ar / br, (ar / br <= 1.25 ? "met" : "MISSED") }'
done
