package id.siaga.ticket.bench;

import id.siaga.ticket.it.ServiceProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public status page under the load of every counter in the regency: GET /status and GET /api/v1/status, without
 * credentials, from {@value #CLIENTS} kept-alive connections for {@value #SECONDS} s each, on a database of 50 servers
 * (5 public), 200,000 tickets of the last 120 days (2 % open) and planned maintenance, through the packaged service.
 * Prints requests per second and p50 / p99 latency; asserts only that the answers are right. Run with
 * {@code scripts/benchmark.sh -Dit.test=StatusBenchmark}.
 */
class StatusBenchmark {

    private static final int CLIENTS = 8;
    private static final int SECONDS = 15;
    /** A page that reads nothing from the database, measured alike for comparison. */
    private static final String BASELINE = "/masuk";

    @Test
    void measuresTheStatusPageAndItsJson() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "100").start()) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database siaga");
            }
            Map<String, String> env = Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "siaga"),
                    "QUARKUS_DATASOURCE_USERNAME", "postgres", "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                    "SIAGA_ADMIN_PASSWORD", "bench-admin", "QUARKUS_LOG_CONSOLE_LEVEL", "WARN");
            try (ServiceProcess service = ServiceProcess.start("status-bench", env);
                    Connection db = postgres.getDatabase("postgres", "siaga").getConnection()) {
                seed(db);
                StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                        "%n==== SIAGA public status page (%d clients x %d s, no credentials, 200k tickets) ====%n",
                        CLIENTS, SECONDS));
                text.append(String.format(Locale.ROOT, "%-22s %10s %9s %9s %9s%n", "request", "req/s", "p50 ms", "p99 ms",
                        "max ms"));
                for (String path : List.of("/status", "/status?lang=en", "/api/v1/status", "/api/v1/status?lang=en",
                        BASELINE)) {
                    double[] f = measure(service, path);
                    text.append(String.format(Locale.ROOT, "%-22s %10.0f %9.2f %9.2f %9.2f%n", path, f[0], f[1], f[2], f[3]));
                }
                text.append("snapshot refreshed at most every 15 s per instance (siaga.status.refresh); " + BASELINE
                        + ": the sign-in page, no database, for comparison on the same machine\n");
                System.out.println(text);
                TicketListBenchmark.write("status.txt", text.toString());
            }
        }
    }

    private static void seed(Connection db) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("insert into server (name, role, agent_token_hash, is_public) select 'bench-' || g, "
                    + "(array['SIAK_APP','SIAK_DB','KTPEL','NETWORK','OTHER'])[1 + g % 5], "
                    + "decode(md5(g::text) || md5(g::text), 'hex'), g % 10 = 0 from generate_series(1, 50) g");
            s.execute("alter table ticket disable trigger ticket_tally_count");
            s.execute("""
                    insert into ticket (number, sop_version_id, source, reporter_name, server_id, application, title,
                        description, severity, step, state, step_started_at, created_at, created_by, updated_at,
                        closed_at, round, public_summary)
                    select 'BENCH-' || lpad(g::text, 9, '0'), 1, 'AGENT', 'bench', 1 + g % 50,
                           (array['SIAK','KTP_EL','OTHER'])[1 + g % 3], 'Ticket ' || g, 'benchmark ticket',
                           (array['LOW','MEDIUM','HIGH','CRITICAL'])[1 + g % 4],
                           case when g % 50 = 0 then 'ANALYSIS' else 'CLOSED' end,
                           case when g % 50 = 0 then 'OPEN' else 'CLOSED' end,
                           now() - make_interval(secs => g * 50), now() - make_interval(secs => g * 50), 'bench', now(),
                           case when g % 50 = 0 then null else now() - make_interval(secs => g * 50) + interval '2 hours' end,
                           1, case when g % 7 = 0 then 'Layanan terganggu, sedang diperbaiki' end
                    from generate_series(1, 200000) g""");
            s.execute("alter table ticket enable trigger ticket_tally_count");
            s.execute("delete from ticket_tally");
            s.execute("insert into ticket_tally (state, step, source, server_key, n) select state, step, source, "
                    + "coalesce(server_id, 0), count(*) from ticket group by 1, 2, 3, 4");
            s.execute("insert into maintenance_window (server_id, starts_at, ends_at, reason, created_by, created_at) "
                    + "select case when g % 3 = 0 then null else g end, now() + make_interval(days => g - 10), "
                    + "now() + make_interval(days => g - 10, hours => 2), 'bench', 'bench', now() from generate_series(1, 20) g");
            s.execute("vacuum analyze");
        }
    }

    /** @return requests per second, p50, p99 and max in milliseconds */
    private static double[] measure(ServiceProcess service, String path) throws Exception {
        URI base = URI.create(service.url());
        try (RawHttpClient warm = new RawHttpClient(base.getHost(), base.getPort())) {
            for (int i = 0; i < 200; i++) {
                RawHttpClient.Answer answer = warm.get(path, null);
                assertEquals(200, answer.status(), answer.body());
                assertTrue(path.equals(BASELINE) || answer.body().contains("SIAK") && answer.body().contains("bench-10"),
                        answer.body());
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
        List<Future<long[]>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(pool.submit(() -> {
                long[] micros = new long[1 << 20];
                int n = 0;
                try (RawHttpClient http = new RawHttpClient(base.getHost(), base.getPort())) {
                    while (System.nanoTime() < deadline && n < micros.length) {
                        long t0 = System.nanoTime();
                        RawHttpClient.Answer answer = http.get(path, null);
                        micros[n++] = (System.nanoTime() - t0) / 1000;
                        if (answer.status() != 200) {
                            throw new IllegalStateException(path + " answered " + answer.status());
                        }
                    }
                }
                return Arrays.copyOf(micros, n);
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> f : clients) {
            long[] one = f.get();
            long[] joined = Arrays.copyOf(all, all.length + one.length);
            System.arraycopy(one, 0, joined, all.length, one.length);
            all = joined;
        }
        pool.shutdown();
        Arrays.sort(all);
        return new double[] {all.length / (double) SECONDS, all[all.length / 2] / 1000.0,
                all[(int) (all.length * 0.99)] / 1000.0, all[all.length - 1] / 1000.0};
    }
}
