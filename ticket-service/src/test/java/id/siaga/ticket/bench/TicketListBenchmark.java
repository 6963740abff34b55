package id.siaga.ticket.bench;

import id.siaga.ticket.it.ServiceProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The ticket list at 10,000 and at 1,000,000 tickets (goal: at most 2 × its time at 10,000, and at most
 * 100 ms), for every filter of the list, measured through the API of the packaged service. Prints the
 * figures; asserts only that the answers are right. Run with {@code scripts/benchmark.sh}.
 */
class TicketListBenchmark {

    private static final int REPEAT = 40;
    private static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("newest 20", "");
        QUERIES.put("open", "open=true");
        QUERIES.put("closed", "open=false");
        QUERIES.put("step=ANALYSIS", "step=ANALYSIS");
        QUERIES.put("serverId", "serverId=7");
        QUERIES.put("source=PHONE", "source=PHONE");
        QUERIES.put("overdue", "overdue=true");
        QUERIES.put("page 200", "page=200");
    }

    @Test
    void measuresTheTicketListAtTenThousandAndAMillionTickets() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "100").start()) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database siaga");
            }
            Map<String, String> env = Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "siaga"),
                    "QUARKUS_DATASOURCE_USERNAME", "postgres", "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                    "SIAGA_ADMIN_PASSWORD", "bench-admin", "QUARKUS_LOG_CONSOLE_LEVEL", "WARN");
            try (ServiceProcess service = ServiceProcess.start("list-bench", env);
                    Connection db = postgres.getDatabase("postgres", "siaga").getConnection()) {
                seedServers(db);
                seed(db, 0, 10_000);
                Map<String, double[]> small = measure(service);
                long seeding = System.nanoTime();
                seed(db, 10_000, 1_000_000);
                System.err.printf("seeded 1M tickets in %d s%n", (System.nanoTime() - seeding) / 1_000_000_000L);
                Map<String, double[]> large = measure(service);
                report(small, large);
            }
        }
    }

    private static void seedServers(Connection db) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("insert into server (name, role, agent_token_hash) select 'bench-' || g, 'OTHER', "
                    + "decode(md5(g::text) || md5(g::text), 'hex') from generate_series(1, 50) g");
        }
    }

    /** Keeps the figures in {@code target/benchmarks/} as well, for the record. */
    static void write(String name, String text) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "benchmarks");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(dir.resolve(name), text);
        } catch (java.io.IOException e) {
            System.err.println("could not write " + name + ": " + e);
        }
    }

    /**
     * Adds tickets {@code from} to {@code to}: mostly closed, some open at each step, some overdue. As a bulk
     * import would, it writes the tally once afterwards instead of row by row.
     */
    private static void seed(Connection db, int from, int to) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("alter table ticket disable trigger ticket_tally_count");
            s.execute("""
                    insert into ticket (number, sop_version_id, source, reporter_name, server_id, application, title,
                        description, severity, step, state, step_started_at, due_at, created_at, created_by, updated_at,
                        closed_at, round)
                    select 'BENCH-' || lpad(g::text, 9, '0'), 1,
                           (array['PHONE','WALK_IN','LETTER','MESSAGE','AGENT'])[1 + g % 5], 'bench',
                           1 + g % 50, 'SIAK', 'Ticket ' || g, 'benchmark ticket', 'MEDIUM',
                           case when g % 50 = 0 then (array['ANALYSIS','REPAIR','SOFTWARE_CHECK','INSPECTION'])[1 + g % 4]
                                else 'CLOSED' end,
                           case when g % 50 = 0 then 'OPEN' else 'CLOSED' end,
                           now() - make_interval(mins => g), 
                           case when g % 50 = 0 then now() - make_interval(mins => g) + interval '30 minutes' end,
                           now() - make_interval(mins => g), 'bench', now(), 
                           case when g % 50 = 0 then null else now() - make_interval(mins => g) + interval '1 day' end, 1
                    from generate_series(:from, :to) g""".replace(":from", String.valueOf(from + 1)).replace(":to", String.valueOf(to)));
            s.execute("alter table ticket enable trigger ticket_tally_count");
            s.execute("delete from ticket_tally");
            s.execute("insert into ticket_tally (state, step, source, server_key, n) select state, step, source, "
                    + "coalesce(server_id, 0), count(*) from ticket group by 1, 2, 3, 4");
            s.execute("vacuum analyze ticket");
        }
    }

    /** @return per query: p50 and p95 in milliseconds, and the total the API reported */
    private static Map<String, double[]> measure(ServiceProcess service) throws Exception {
        URI base = URI.create(service.url());
        String auth = "Basic " + Base64.getEncoder().encodeToString("admin:bench-admin".getBytes());
        Map<String, double[]> figures = new LinkedHashMap<>();
        try (RawHttpClient http = new RawHttpClient(base.getHost(), base.getPort())) {
            for (Map.Entry<String, String> q : QUERIES.entrySet()) {
                String path = "/api/v1/tickets" + (q.getValue().isEmpty() ? "" : "?" + q.getValue());
                long[] micros = new long[REPEAT];
                String body = "";
                for (int i = -5; i < REPEAT; i++) {
                    long t0 = System.nanoTime();
                    RawHttpClient.Answer answer = http.get(path, auth);
                    assertEquals(200, answer.status(), answer.body());
                    if (i >= 0) {
                        micros[i] = (System.nanoTime() - t0) / 1000;
                    }
                    body = answer.body();
                }
                Arrays.sort(micros);
                String total = body.replaceAll("(?s).*\"total\":(\\d+).*", "$1");
                figures.put(q.getKey(), new double[] {micros[REPEAT / 2] / 1000.0, micros[REPEAT * 95 / 100] / 1000.0,
                        Double.parseDouble(total)});
            }
        }
        return figures;
    }

    private static void report(Map<String, double[]> small, Map<String, double[]> large) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%n==== SIAGA ticket list: 10k vs 1M tickets (GET /api/v1/tickets, p50 / p95 of %d requests) ====%n", REPEAT));
        text.append(String.format(Locale.ROOT, "%-14s %22s %22s %8s%n", "query", "10k: p50 / p95 ms", "1M: p50 / p95 ms",
                "ratio"));
        for (String query : QUERIES.keySet()) {
            double[] a = small.get(query);
            double[] b = large.get(query);
            text.append(String.format(Locale.ROOT, "%-14s %9.1f / %6.1f (%6.0f) %9.1f / %6.1f (%7.0f) %7.2f%n", query,
                    a[0], a[1], a[2], b[0], b[1], b[2], b[0] / a[0]));
        }
        text.append("goal: 1M p50 <= 2 x 10k p50 and <= 100 ms\n");
        System.out.println(text);
        write("ticket-list.txt", text.toString());
    }
}
