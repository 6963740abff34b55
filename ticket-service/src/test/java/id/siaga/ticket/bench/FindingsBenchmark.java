package id.siaga.ticket.bench;

import id.siaga.ticket.it.ServiceProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Findings ingest against its baseline, measured in one run on one PostgreSQL (durable: fsync and
 * synchronous_commit on):
 * <ul>
 * <li>B1: {@code pgbench}, one single-row INSERT per transaction, 8 clients;</li>
 * <li>batched findings from many simulated agents (goal: at least 3 × B1 findings per second);</li>
 * <li>single-finding posts (goal: at least 0.5 × B1 per second), then the p99 latency at 80 % of that rate
 * (goal: at most 50 ms).</li>
 * </ul>
 * The service is warmed up first (its JIT compiler needs a while); then each phase runs for
 * {@code siaga.bench.seconds}. Prints the figures and ratios; asserts only that every finding was stored exactly
 * once. Run it with
 * {@code scripts/benchmark.sh}; it is not part of the test command.
 */
class FindingsBenchmark {

    private static final String PGBENCH = System.getProperty("siaga.bench.pgbench", "/usr/lib/postgresql/15/bin/pgbench");
    private static final int SECONDS = Integer.getInteger("siaga.bench.seconds", 15);
    private static final int AGENTS = Integer.getInteger("siaga.bench.agents", 40);
    private static final int BATCH = Integer.getInteger("siaga.bench.batch", 100);
    private static final int SINGLE_CLIENTS = Integer.getInteger("siaga.bench.clients", 64);
    private static final int WARM_UP_SECONDS = Integer.getInteger("siaga.bench.warmup", 20);

    @Test
    void measuresFindingsIngestAgainstAPgbenchBaseline() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on").setServerConfig("max_connections", "100").start()) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database siaga");
                s.execute("create table b1 (id bigserial primary key, v integer not null, at timestamptz not null default now())");
            }
            double b1 = pgbench(postgres.getPort());
            Map<String, String> env = new HashMap<>();
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "siaga"));
            env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
            env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
            env.put("SIAGA_ADMIN_PASSWORD", "bench-admin");
            env.put("QUARKUS_LOG_CONSOLE_LEVEL", "WARN");
            String writers = System.getProperty("siaga.bench.writers");
            if (writers != null) {
                env.put("SIAGA_FINDINGS_WRITERS", writers);
            }
            try (ServiceProcess service = ServiceProcess.start("bench", env)) {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                List<String> tokens = new ArrayList<>();
                for (int i = 0; i < AGENTS; i++) {
                    tokens.add(register(http, service, "bench-" + i));
                }
                warmUp(http, service, tokens);
                load(http, service, tokens, SINGLE_CLIENTS, 1, Duration.ofSeconds(WARM_UP_SECONDS), 0);
                load(http, service, tokens, AGENTS, BATCH, Duration.ofSeconds(WARM_UP_SECONDS / 2), 0);

                Result batched = load(http, service, tokens, AGENTS, BATCH, Duration.ofSeconds(SECONDS), 0);
                Result single = load(http, service, tokens, SINGLE_CLIENTS, 1, Duration.ofSeconds(SECONDS), 0);
                double paced = single.findingsPerSecond() * 0.8;
                Result at80 = load(http, service, tokens, SINGLE_CLIENTS, 1, Duration.ofSeconds(SECONDS), paced);

                long stored = countFindings(postgres);
                assertEquals(sent.get(), stored, "every accepted finding is stored exactly once");
                report(b1, batched, single, at80);
                assertTrue(b1 > 0);
            }
        }
    }

    /** Findings per second and request latencies of one load phase. */
    record Result(long findings, long requests, double seconds, long[] latencyMicros) {
        double findingsPerSecond() {
            return findings / seconds;
        }

        double percentileMillis(double p) {
            if (latencyMicros.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(latencyMicros.length - 1, Math.ceil(p / 100.0 * latencyMicros.length) - 1);
            return latencyMicros[Math.max(0, index)] / 1000.0;
        }
    }

    /** Findings acknowledged by the service in this run, warm-up included. */
    private static final AtomicLong sent = new AtomicLong();

    /**
     * Posts from {@code clients} threads for {@code duration}, each post {@code perPost} findings; paced to
     * {@code targetPerSecond} findings per second in all when positive (open loop), else as fast as possible.
     */
    private static Result load(HttpClient http, ServiceProcess service, List<String> tokens, int clients, int perPost,
            Duration duration, double targetPerSecond) throws Exception {
        AtomicLong findings = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        double perClientInterval = targetPerSecond > 0 ? clients * perPost * 1e9 / targetPerSecond : 0;
        for (int c = 0; c < clients; c++) {
            String token = tokens.get(c % tokens.size());
            long[] mine = new long[2_000_000 / Math.max(1, perPost) / clients + 1000];
            synchronized (latencies) {
                latencies.add(mine);
            }
            int client = c;
            Thread worker = new Thread(() -> {
                int n = 0;
                int sequence = 0;
                URI base = URI.create(service.url());
                try (RawHttpClient sender = new RawHttpClient(base.getHost(), base.getPort())) {
                    long next = System.nanoTime();
                    while (System.nanoTime() < end && n < mine.length - 1) {
                        if (perClientInterval > 0) {
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            }
                            next += (long) perClientInterval;
                        }
                        String body = batch(client, sequence, perPost);
                        sequence += perPost;
                        long t0 = System.nanoTime();
                        RawHttpClient.Answer response = sender.post("/api/v1/findings", "Bearer " + token, body);
                        long micros = (System.nanoTime() - t0) / 1000;
                        if (response.status() != 200) {
                            throw new IllegalStateException("HTTP " + response.status() + ": " + response.body());
                        }
                        mine[++n] = micros;
                        findings.addAndGet(perPost);
                        sent.addAndGet(perPost);
                        requests.incrementAndGet();
                    }
                } catch (Exception e) {
                    System.err.println("load client failed: " + e);
                } finally {
                    mine[0] = n;
                    done.countDown();
                }
            }, "load-" + c);
            worker.start();
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        long total = latencies.stream().mapToLong(l -> l[0]).sum();
        long[] all = new long[(int) total];
        int i = 0;
        for (long[] l : latencies) {
            System.arraycopy(l, 1, all, i, (int) l[0]);
            i += (int) l[0];
        }
        Arrays.sort(all);
        return new Result(findings.get(), requests.get(), seconds, all);
    }

    private static String batch(int client, int sequence, int size) {
        StringBuilder json = new StringBuilder(size * 260).append('[');
        Instant now = Instant.now();
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                json.append(',');
            }
            int n = sequence + i;
            json.append("{\"id\":\"").append(fastUuid()).append("\",\"check\":\"check-").append(n % 20)
                    .append("\",\"kind\":\"tcp\",\"status\":\"OK\",\"message\":\"port open in 1 ms\",")
                    .append("\"measurements\":{\"connectMs\":1.0},\"observedAt\":\"").append(now.plusNanos(n * 1000L))
                    .append("\",\"durationMs\":1}");
        }
        return json.append(']').toString();
    }

    /** A random (version 4) UUID without SecureRandom, which would make the load generator the bottleneck. */
    private static UUID fastUuid() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long high = (random.nextLong() & 0xffffffffffff0fffL) | 0x4000L;
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    private static HttpRequest post(ServiceProcess service, String token, String body) {
        return HttpRequest.newBuilder(URI.create(service.url() + "/api/v1/findings"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static void warmUp(HttpClient http, ServiceProcess service, List<String> tokens) throws Exception {
        for (String token : tokens) {
            HttpResponse<String> r = http.send(post(service, token, batch(0, 0, 10)), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            sent.addAndGet(10);
        }
    }

    private static String register(HttpClient http, ServiceProcess service, String name) throws Exception {
        String auth = java.util.Base64.getEncoder().encodeToString("admin:bench-admin".getBytes());
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(service.url() + "/api/v1/servers"))
                .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"role\":\"OTHER\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        Matcher m = Pattern.compile("\"agentToken\":\"([^\"]+)\"").matcher(r.body());
        assertTrue(m.find());
        return m.group(1);
    }

    /** @return B1: transactions per second of single-row INSERTs, 8 clients */
    private static double pgbench(int port) throws IOException, InterruptedException {
        Path script = Files.createTempFile("b1-", ".sql");
        Files.writeString(script, "insert into b1 (v) values (1);\n");
        Process p = new ProcessBuilder(PGBENCH, "-h", "localhost", "-p", String.valueOf(port), "-U", "postgres", "-n",
                "-c", "8", "-j", "2", "-T", String.valueOf(SECONDS), "-f", script.toString(), "postgres")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("pgbench gave no tps:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private static long countFindings(EmbeddedPostgres postgres) throws Exception {
        try (Connection c = postgres.getDatabase("postgres", "siaga").getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("select count(*) from finding")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void report(double b1, Result batched, Result single, Result at80) {
        String text = String.format(Locale.ROOT, """

                ==== SIAGA findings ingest benchmark (one run, one PostgreSQL, fsync + synchronous_commit on) ====
                B1  pgbench single-row INSERT, 8 clients           %10.0f tx/s
                batched: %d agents x %d findings per post           %10.0f findings/s  ratio %.2f x B1 (goal >= 3)   p50 %.1f ms  p99 %.1f ms
                single finding per post, %d clients                 %10.0f findings/s  ratio %.2f x B1 (goal >= 0.5) p50 %.1f ms  p99 %.1f ms
                single at 80%% of that rate (%.0f/s offered)        %10.0f findings/s  p50 %.1f ms  p99 %.1f ms (goal p99 <= 50 ms)
                ===================================================================================================
                """, b1, AGENTS, BATCH, batched.findingsPerSecond(), batched.findingsPerSecond() / b1,
                batched.percentileMillis(50), batched.percentileMillis(99), SINGLE_CLIENTS, single.findingsPerSecond(),
                single.findingsPerSecond() / b1, single.percentileMillis(50), single.percentileMillis(99),
                single.findingsPerSecond() * 0.8, at80.findingsPerSecond(), at80.percentileMillis(50), at80.percentileMillis(99));
        System.out.println(text);
        TicketListBenchmark.write("findings-ingest.txt", text);
    }
}
