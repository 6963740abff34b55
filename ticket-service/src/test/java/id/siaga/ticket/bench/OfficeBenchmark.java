package id.siaga.ticket.bench;

import id.siaga.ticket.it.ServiceProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 514 offices (every regency and city of Indonesia) reporting to one upstream, the packaged service on its own
 * PostgreSQL. Time is compressed: instead of one summary per office per minute (8.6/s nationally), summaries are
 * sent open-loop at rising fixed rates (each request has its intended start time, and its latency is counted from
 * there, so a service falling behind shows in the p99), until a rate is no longer sustained. Goal: at least 50 × the
 * national rate (428 summaries/s) with the page {@code /wilayah} at 514 offices (each with 30 days of trend) at p95
 * ≤ 200 ms. Prints the figures; asserts only that every summary was stored once. Run with
 * {@code scripts/benchmark.sh -Dit.test=OfficeBenchmark}.
 */
class OfficeBenchmark {

    private static final int OFFICES = 514;
    private static final double NATIONAL_PER_SECOND = OFFICES / 60.0;
    private static final int CONNECTIONS = 24;
    private static final Duration STEP = Duration.ofSeconds(15);
    private static final int[] RATES = {100, 200, 300, 430, 600, 800, 1000};
    private static final int PAGE_REPEAT = 60;

    @Test
    void summariesPerSecondAndThePageAt514Offices() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Map<String, String> env = new HashMap<>();
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "postgres"));
            env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
            env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
            env.put("SIAGA_ADMIN_PASSWORD", "bench-admin");
            env.put("SIAGA_OFFICE_CODE", "00");
            env.put("SIAGA_OFFICE_NAME", "Ditjen Dukcapil");
            env.put("SIAGA_NOTIFY_EMAIL", "false");
            env.put("QUARKUS_LOG_CONSOLE_LEVEL", "WARN");
            try (ServiceProcess service = ServiceProcess.start("office-bench", env)) {
                HttpClient http = HttpClient.newHttpClient();
                String admin = "Basic " + Base64.getEncoder().encodeToString("admin:bench-admin".getBytes(StandardCharsets.UTF_8));
                String[] codes = new String[OFFICES];
                String[] tokens = new String[OFFICES];
                for (int i = 0; i < OFFICES; i++) {
                    codes[i] = String.format(Locale.ROOT, "%02d.%02d", 11 + i / 30, 1 + i % 30);
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(service.url() + "/api/v1/offices"))
                            .header("Authorization", admin).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + codes[i] + "\",\"name\":\"Disdukcapil Kabupaten "
                                    + codes[i] + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(201, r.statusCode(), r.body());
                    tokens[i] = "Bearer " + r.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
                }
                String sample = summary(codes[0], UUID.randomUUID(), Instant.now());
                System.out.printf(Locale.ROOT, "%nOfficeBenchmark: %d offices; one summary is %d bytes of JSON%n", OFFICES,
                        sample.getBytes(StandardCharsets.UTF_8).length);

                run(service, codes, tokens, 200, Duration.ofSeconds(10), "warm-up");
                double sustained = 0;
                double sustainedP99 = 0;
                double most = 0;
                for (int rate : RATES) {
                    double[] result = run(service, codes, tokens, rate, STEP, "step");
                    boolean ok = result[0] >= rate * 0.97 && result[1] < 1000;
                    most = Math.max(most, result[0]);
                    System.out.printf(Locale.ROOT, "  offered %5d/s: achieved %7.1f/s, p50 %6.1f ms, p99 %7.1f ms, errors %d%s%n",
                            rate, result[0], result[2], result[1], (long) result[3], ok ? "" : "  (not sustained)");
                    if (!ok) {
                        break;
                    }
                    sustained = result[0];
                    sustainedP99 = result[1];
                }
                long stored = count(postgres, "select count(*) from office_summary");
                long distinct = count(postgres, "select count(distinct id) from office_summary");
                assertEquals(stored, distinct);
                System.out.printf(Locale.ROOT, "  sustained: %.1f summaries/s (%.1f x the national 514/min), p99 %.1f ms "
                        + "(goal >= 50 x = %.0f/s); most achieved when overloaded: %.1f/s%n", sustained,
                        sustained / NATIONAL_PER_SECOND, sustainedP99, 50 * NATIONAL_PER_SECOND, most);

                try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.executeUpdate("""
                            insert into office_day (office_code, day, open_faults, overdue_steps, open_escalations, compliance)
                            select o.code, current_date - d, (random() * 12)::int, (random() * 4)::int, (random() * 3)::int, random()
                            from office o cross join generate_series(1, 29) d on conflict do nothing""");
                }
                String cookie = signIn(http, service.url());
                double[] page = timings(http, service.url() + "/wilayah", cookie, null);
                double[] api = timings(http, service.url() + "/api/v1/offices", null, admin);
                System.out.printf(Locale.ROOT, "  /wilayah at %d offices (30-day trends): p50 %.1f ms, p95 %.1f ms (goal <= 200 ms)%n",
                        OFFICES, page[0], page[1]);
                System.out.printf(Locale.ROOT, "  GET /api/v1/offices at %d offices: p50 %.1f ms, p95 %.1f ms, %d bytes%n", OFFICES,
                        api[0], api[1], (long) api[2]);
                assertTrue(stored > 0);
            }
        }
    }

    /** @return achieved rate per second, p99 ms, p50 ms, errors */
    private static double[] run(ServiceProcess service, String[] codes, String[] tokens, int rate, Duration length,
            String what) throws Exception {
        int total = (int) (rate * length.toSeconds());
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLongArray latencies = new AtomicLongArray(total);
        URI uri = URI.create(service.url());
        long start = System.nanoTime() + 50_000_000L;
        double gap = 1e9 / rate;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < CONNECTIONS; t++) {
            Thread thread = new Thread(() -> {
                try (RawHttpClient client = new RawHttpClient(uri.getHost(), uri.getPort())) {
                    long i;
                    while ((i = next.getAndIncrement()) < total) {
                        long intended = start + (long) (i * gap);
                        long wait = intended - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        int office = (int) (i % codes.length);
                        RawHttpClient.Answer answer = client.post("/api/v1/offices/" + codes[office] + "/summaries",
                                tokens[office], summary(codes[office], UUID.randomUUID(), Instant.now().minusSeconds(1)));
                        if (answer.status() != 202) {
                            errors.incrementAndGet();
                        }
                        latencies.set((int) i, System.nanoTime() - intended);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = new long[total];
        for (int i = 0; i < total; i++) {
            sorted[i] = latencies.get(i);
        }
        Arrays.sort(sorted);
        return new double[] {total / seconds, sorted[(int) (total * 0.99)] / 1e6, sorted[total / 2] / 1e6, errors.get()};
    }

    /** A summary as a regency with five server roles, eleven SOP steps and two agent versions sends it. */
    static String summary(String code, UUID id, Instant at) {
        StringBuilder steps = new StringBuilder();
        StringBuilder compliance = new StringBuilder();
        String[] codes = {"INTAKE", "INSPECTION", "AGENDA", "ANALYSIS", "REPAIR", "TEST", "DECISION", "THIRD_PARTY",
            "REPORT", "ARCHIVE", "CLOSE"};
        for (int i = 0; i < codes.length; i++) {
            steps.append(i == 0 ? "" : ",").append("{\"step\":\"").append(codes[i]).append("\",\"open\":").append(i % 3)
                    .append(",\"overdue\":").append(i % 2).append('}');
            compliance.append(i == 0 ? "" : ",").append("{\"step\":\"").append(codes[i]).append("\",\"count\":").append(10 + i)
                    .append(",\"medianSeconds\":1800.0,\"p90Seconds\":5400.0,\"withStandard\":").append(10 + i)
                    .append(",\"withinStandard\":").append(8 + i / 2).append('}');
        }
        return "{\"summaryId\":\"" + id + "\",\"office\":{\"code\":\"" + code + "\",\"name\":\"Disdukcapil Kabupaten " + code
                + "\"},\"generatedAt\":\"" + at + "\",\"intervalSeconds\":60,\"thinnedBefore\":0,\"servers\":["
                + "{\"application\":\"SIAK\",\"role\":\"SIAK_APP\",\"worstStatus\":\"OK\",\"servers\":2,\"reporting\":2,\"silent\":0,\"inMaintenance\":0},"
                + "{\"application\":\"SIAK\",\"role\":\"SIAK_DB\",\"worstStatus\":\"CRIT\",\"worstSince\":\"" + at.minusSeconds(900)
                + "\",\"servers\":1,\"reporting\":1,\"silent\":0,\"inMaintenance\":0},"
                + "{\"application\":\"KTP_EL\",\"role\":\"KTPEL\",\"worstStatus\":\"WARN\",\"worstSince\":\"" + at.minusSeconds(3600)
                + "\",\"servers\":3,\"reporting\":2,\"silent\":1,\"inMaintenance\":0},"
                + "{\"application\":\"OTHER\",\"role\":\"NETWORK\",\"worstStatus\":\"OK\",\"servers\":2,\"reporting\":2,\"silent\":0,\"inMaintenance\":0},"
                + "{\"application\":\"OTHER\",\"role\":\"OTHER\",\"servers\":1,\"reporting\":0,\"silent\":0,\"inMaintenance\":1}],"
                + "\"tickets\":[" + steps + "],\"escalations\":{\"open\":[{\"level\":1,\"count\":2},{\"level\":2,\"count\":1}],"
                + "\"oldestUnacknowledgedAt\":\"" + at.minusSeconds(7200) + "\"},\"compliance\":{\"month\":\"2026-12\",\"steps\":["
                + compliance + "]},\"findingsIngested\":1240,\"agentVersions\":[{\"version\":\"1.4.2\",\"servers\":7},"
                + "{\"version\":\"1.3.0\",\"servers\":1}]}";
    }

    private static String signIn(HttpClient http, String url) throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(url + "/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + URLEncoder.encode("bench-admin",
                        StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        return login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("siaga-session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    /** @return p50 ms, p95 ms, bytes of the last answer */
    private static double[] timings(HttpClient http, String url, String cookie, String authorization) throws Exception {
        long[] times = new long[PAGE_REPEAT];
        int bytes = 0;
        for (int i = -10; i < PAGE_REPEAT; i++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            long t0 = System.nanoTime();
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - t0;
            assertEquals(200, answer.statusCode(), answer.body());
            bytes = answer.body().getBytes(StandardCharsets.UTF_8).length;
            if (i >= 0) {
                times[i] = took;
            }
        }
        Arrays.sort(times);
        return new double[] {times[PAGE_REPEAT / 2] / 1e6, times[(int) (PAGE_REPEAT * 0.95)] / 1e6, bytes};
    }

    private static long count(EmbeddedPostgres postgres, String sql) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
