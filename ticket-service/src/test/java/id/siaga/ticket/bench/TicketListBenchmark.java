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
 * 100 ms), for every filter of the list, measured through the API of the packaged service. The table state is made
 * through the API's own write path (tickets filed and worked through the SOP, with their steps, events and seals),
 * then multiplied by SQL copies of exactly those rows. Prints the figures; asserts only that the answers are right.
 * Run with {@code scripts/benchmark.sh -Dit.test=TicketListBenchmark}.
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

    /** Tickets made through the API, which the SQL copies multiply. */
    private static final int API_TICKETS = Integer.getInteger("siaga.bench.list.api-tickets", 1_000);
    private static final String PASSWORD = "bench-people";
    private static final String[] SOURCES = {"PHONE", "WALK_IN", "LETTER", "MESSAGE"};
    private static final String[] WALK = {"INSPECTION", "FUNCTION_CHECK", "ANALYSIS", "REPAIR", "SOFTWARE_CHECK", "DECISION",
        "REPORT_TO_KABID", "AGENDA", "CLOSED"};

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
                long seeding = System.nanoTime();
                seedServers(service);
                seedThroughTheApi(service);
                long apiSeconds = (System.nanoTime() - seeding) / 1_000_000_000L;
                copy(db, 10_000 / API_TICKETS);
                Map<String, double[]> small = measure(service);
                seeding = System.nanoTime();
                copy(db, 1_000_000 / API_TICKETS);
                long copySeconds = (System.nanoTime() - seeding) / 1_000_000_000L;
                String rows = String.format(Locale.ROOT, "%d tickets, %d steps, %d events", count(db, "ticket"),
                        count(db, "ticket_step"), count(db, "ticket_event"));
                Map<String, double[]> large = measure(service);
                report(small, large, apiSeconds, copySeconds, rows);
            }
        }
    }

    private static long count(Connection db, String table) throws Exception {
        try (Statement s = db.createStatement(); var rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Registers 50 servers and the people who work the tickets, through the API. */
    private static void seedServers(ServiceProcess service) throws Exception {
        URI base = URI.create(service.url());
        String admin = basic("admin", "bench-admin");
        try (RawHttpClient http = new RawHttpClient(base.getHost(), base.getPort())) {
            for (int i = 1; i <= 50; i++) {
                RawHttpClient.Answer a = http.post("/api/v1/servers", admin, "{\"name\":\"list-" + i + "\",\"role\":\"SIAK_APP\"}");
                assertEquals(201, a.status(), a.body());
            }
            for (String role : new String[] {"ADB", "KASI", "KABID"}) {
                RawHttpClient.Answer a = http.post("/api/v1/users", admin, "{\"username\":\"" + role.toLowerCase(Locale.ROOT)
                        + ".bench\",\"fullName\":\"Bench " + role + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[\""
                        + role + "\"]}");
                assertEquals(201, a.status(), a.body());
            }
        }
    }

    /**
     * Files {@link #API_TICKETS} complaints through the API and works each through the SOP as people do: 98 % to the
     * end (closed, with an agenda number), the others left open at one of the steps. Every step, event and seal is
     * written by the service's own write path.
     */
    private static void seedThroughTheApi(ServiceProcess service) throws Exception {
        URI base = URI.create(service.url());
        int threads = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.List<java.util.concurrent.Future<?>> parts = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    try (RawHttpClient http = new RawHttpClient(base.getHost(), base.getPort())) {
                        for (int i = first; i < API_TICKETS; i += threads) {
                            fileAndWork(http, i);
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> part : parts) {
                part.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void fileAndWork(RawHttpClient http, int i) throws Exception {
        String adb = basic("adb.bench", PASSWORD);
        RawHttpClient.Answer created = http.post("/api/v1/tickets", adb, "{\"source\":\"" + SOURCES[i % SOURCES.length]
                + "\",\"reporterName\":\"Operator " + i + "\",\"serverId\":" + (1 + i % 50) + ",\"application\":\"SIAK\","
                + "\"title\":\"SIAK lambat di kecamatan " + i + "\",\"description\":\"Aplikasi SIAK lambat sejak pagi\","
                + "\"severity\":\"MEDIUM\"}");
        assertEquals(201, created.status(), created.body());
        String id = created.body().replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1");
        int steps = i % 50 == 0 ? 1 + (i / 50) % 4 : WALK.length;
        for (int s = 0; s < steps; s++) {
            String who = switch (WALK[s]) {
                case "AGENDA" -> basic("kabid.bench", PASSWORD);
                case "CLOSED" -> basic("kasi.bench", PASSWORD);
                default -> adb;
            };
            String output = WALK[s].equals("REPORT_TO_KABID") ? "Ya, software berfungsi dengan baik" : "Langkah " + s + " selesai";
            RawHttpClient.Answer moved = http.post("/api/v1/tickets/" + id + "/transitions", who,
                    "{\"to\":\"" + WALK[s] + "\",\"output\":\"" + output + "\"}");
            assertEquals(200, moved.status(), moved.body());
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
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
     * Grows the table to {@code copies} times the tickets made through the API: each copy repeats every API-made
     * ticket with its steps and events exactly as the write path wrote them (the same columns, a new id and number),
     * its times moved back by a whole number of days per copy, so that older copies of open tickets are overdue. As a
     * bulk import would, it writes the tally once afterwards; the copied events are not sealed into the audit chain
     * (the list does not read it).
     */
    private static void copy(Connection db, int copies) throws Exception {
        try (Statement s = db.createStatement()) {
            long have;
            try (var rs = s.executeQuery("select count(*) from ticket")) {
                rs.next();
                have = rs.getLong(1);
            }
            int from = (int) (have / API_TICKETS);
            if (from >= copies) {
                return;
            }
            s.execute("alter table ticket disable trigger ticket_tally_count");
            s.execute("alter table ticket_event disable trigger ticket_event_seal");
            long stride;
            try (var rs = s.executeQuery("select max(id) + 1 from ticket where number not like '%/%'")) {
                rs.next();
                stride = rs.getLong(1);
            }
            for (int first = from; first < copies; first += 50) {
                String range = "generate_series(" + first + ", " + Math.min(copies - 1, first + 49) + ") k";
                s.execute("""
                        insert into ticket (id, number, sop_version_id, source, reporter_name, reporter_contact, server_id,
                            application, check_key, title, description, severity, step, state, assignee, step_started_at,
                            due_at, decision, round, agenda_number, third_party_name, third_party_contact,
                            third_party_reference, third_party_contacted_at, third_party_repaired_at, third_party_approved_by,
                            third_party_approved_at, end_state, cancel_reason, created_at, created_by, updated_at, closed_at,
                            version)
                        overriding system value
                        select t.id + k * :stride, t.number || '/' || k, sop_version_id, source, reporter_name,
                            reporter_contact, server_id, application, check_key, title, description, severity, step, state,
                            assignee, step_started_at - k * interval '1 day', due_at - k * interval '1 day', decision, round,
                            agenda_number || '/' || k, third_party_name, third_party_contact, third_party_reference,
                            third_party_contacted_at - k * interval '1 day', third_party_repaired_at - k * interval '1 day',
                            third_party_approved_by, third_party_approved_at - k * interval '1 day', end_state, cancel_reason,
                            created_at - k * interval '1 day', created_by, updated_at - k * interval '1 day',
                            closed_at - k * interval '1 day', version
                        from ticket t, :range where t.number not like '%/%' and k > 0""".replace(":stride", String.valueOf(stride))
                        .replace(":range", range));
                s.execute("""
                        insert into ticket_step (ticket_id, seq, code, started_at, ended_at, actor, output, due_at)
                        select ticket_id + k * :stride, seq, code, started_at - k * interval '1 day',
                            ended_at - k * interval '1 day', actor, output, due_at - k * interval '1 day'
                        from ticket_step st, :range where st.ticket_id < :stride and k > 0"""
                        .replace(":stride", String.valueOf(stride)).replace(":range", range));
                s.execute("""
                        insert into ticket_event (ticket_id, at, actor, type, from_step, to_step, note)
                        select ticket_id + k * :stride, at - k * interval '1 day', actor, type, from_step, to_step, note
                        from ticket_event e, :range where e.ticket_id < :stride and k > 0"""
                        .replace(":stride", String.valueOf(stride)).replace(":range", range));
            }
            s.execute("select setval(pg_get_serial_sequence('ticket', 'id'), (select max(id) from ticket))");
            s.execute("alter table ticket_event enable trigger ticket_event_seal");
            s.execute("alter table ticket enable trigger ticket_tally_count");
            s.execute("delete from ticket_tally");
            s.execute("insert into ticket_tally (state, step, source, server_key, n) select state, step, source, "
                    + "coalesce(server_id, 0), count(*) from ticket group by 1, 2, 3, 4");
            s.execute("vacuum analyze ticket");
            s.execute("vacuum analyze ticket_step");
            s.execute("vacuum analyze ticket_event");
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

    private static void report(Map<String, double[]> small, Map<String, double[]> large, long apiSeconds,
            long copySeconds, String rows) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%n==== SIAGA ticket list: 10k vs 1M tickets (GET /api/v1/tickets, p50 / p95 of %d requests) ====%n", REPEAT));
        text.append(String.format(Locale.ROOT, "table state: %d tickets filed and worked through the API (%d s: 98 %% closed "
                + "through all SOP steps, 2 %% open at steps 1-4), then copied by SQL with their steps and events to 10k and "
                + "1M (%d s); at 1M: %s; load average %s%n", API_TICKETS, apiSeconds, copySeconds, rows,
                Baselines.loadAverage()));
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
