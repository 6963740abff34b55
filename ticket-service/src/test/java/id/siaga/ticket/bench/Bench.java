package id.siaga.ticket.bench;

import id.siaga.ticket.it.ServiceProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.net.URI;
import java.time.Duration;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the findings benchmarks share: a durable PostgreSQL, the packaged service on it, servers and figures. */
final class Bench {

    /** A JIT compiler that used less than this share of a core over a warm-up slice has settled. */
    static final double SETTLED_COMPILER_CORES = 0.1;
    /** Most seconds of warm-up load, however busy the compiler still is. */
    private static final int WARM_UP_MAX_SECONDS = Integer.getInteger("siaga.bench.warmup-max", 300);
    private static final int WARM_UP_SLICE_SECONDS = 10;

    /**
     * How a warm-up went: findings the service accepted, its length, the compiler's share in its last slice, and how
     * long the database's vacuum after it took ({@link #vacuum}; NaN if none ran).
     */
    record WarmUp(long findings, int seconds, double compilerCores, double vacuumSeconds) {
        String describe() {
            return String.format(Locale.ROOT, "warm-up %d s of closed-loop load (at least siaga.bench.warmup, then on "
                    + "while the service's JIT compiler used over %.1f of a core in %d s; %.2f in the last)", seconds,
                    SETTLED_COMPILER_CORES, WARM_UP_SLICE_SECONDS, compilerCores)
                    + (Double.isNaN(vacuumSeconds) ? "" : String.format(Locale.ROOT, ", then VACUUM (ANALYZE) of the "
                    + "service's database, as pgbench does before its runs (%.1f s)", vacuumSeconds));
        }
    }

    /**
     * Warms the service up with closed-loop load for {@code seconds}, then on in 10 s slices for as long as its JIT
     * compiler still used more than {@link #SETTLED_COMPILER_CORES} in the last one, {@code siaga.bench.warmup-max}
     * seconds (300) at most: under a new load the compiler stays busy for minutes, and the measured runs should be
     * those of compiled code, as in an office's service that runs for months.
     */
    static WarmUp warmUp(ServiceProcess service, URI url, int clients, int seconds, LoadGenerator.Posts posts)
            throws InterruptedException {
        long findings = LoadGenerator.closed(url, clients, Duration.ofSeconds(seconds), posts).findings();
        int total = seconds;
        double compiler = Double.NaN;
        while (total < WARM_UP_MAX_SECONDS) {
            ServiceCpu before = ServiceCpu.of(service.pid());
            findings += LoadGenerator.closed(url, clients, Duration.ofSeconds(WARM_UP_SLICE_SECONDS), posts).findings();
            total += WARM_UP_SLICE_SECONDS;
            compiler = before.compilerCoresUntil(ServiceCpu.of(service.pid()));
            if (compiler < SETTLED_COMPILER_CORES) {
                break;
            }
        }
        return new WarmUp(findings, total, compiler, Double.NaN);
    }

    /**
     * Vacuums and analyzes the service's database after the warm-up, as pgbench does before its runs: the warm-up
     * writes a fresh database's first millions of rows in a minute or two, and autovacuum's first pass over them
     * would otherwise fall into a measured run (one such pass over ten tables stalled an open-loop run for 200 ms).
     * An office's database that has run for months is kept by autovacuum in small steps instead.
     *
     * @return the warm-up, with the vacuum's length
     */
    static WarmUp vacuum(EmbeddedPostgres postgres, WarmUp warmUp) throws java.sql.SQLException {
        long start = System.nanoTime();
        try (Connection c = postgres.getDatabase("postgres", "siaga").getConnection(); Statement s = c.createStatement()) {
            s.execute("vacuum (analyze)");
        }
        return new WarmUp(warmUp.findings(), warmUp.seconds(), warmUp.compilerCores(), (System.nanoTime() - start) / 1e9);
    }

    static final String ADMIN_PASSWORD = "bench-admin";

    private Bench() {
    }

    /** @return a throw-away PostgreSQL with fsync, synchronous_commit and full_page_writes on, and a database siaga */
    static EmbeddedPostgres durablePostgres() throws Exception {
        EmbeddedPostgres postgres = StatementProfile.configure(EmbeddedPostgres.builder())
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on").setServerConfig("max_connections", "100").start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database siaga");
        }
        return postgres;
    }

    /** Starts the packaged service on the database (its JVM options as deployed, plus siaga.bench.jvm when set). */
    static ServiceProcess service(String name, EmbeddedPostgres postgres) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "siaga"));
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("SIAGA_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("QUARKUS_LOG_CONSOLE_LEVEL", "WARN");
        String writers = System.getProperty("siaga.bench.writers");
        if (writers != null) {
            env.put("SIAGA_FINDINGS_WRITERS", writers);
        }
        return ServiceProcess.start(name, env);
    }

    /**
     * Registers servers through the API, every tenth a SIAK database server (a CRIT finding there raises an
     * escalation), the others SIAK application servers.
     *
     * @return their agent tokens, in order
     */
    static List<String> register(ServiceProcess service, String prefix, int count) throws Exception {
        URI base = URI.create(service.url());
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes());
        Pattern token = Pattern.compile("\"agentToken\":\"([^\"]+)\"");
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    try (RawHttpClient http = new RawHttpClient(base.getHost(), base.getPort())) {
                        for (int i = first; i < count; i += threads) {
                            String role = i % 10 == 0 ? "SIAK_DB" : "SIAK_APP";
                            RawHttpClient.Answer answer = http.post("/api/v1/servers", auth,
                                    "{\"name\":\"" + prefix + "-" + i + "\",\"role\":\"" + role + "\"}");
                            Matcher m = token.matcher(answer.body());
                            if (answer.status() != 201 || !m.find()) {
                                throw new IllegalStateException("could not register a server: " + answer.status() + " "
                                        + answer.body());
                            }
                            mine.add(m.group(1));
                        }
                    }
                    return mine;
                }));
            }
            String[] tokens = new String[count];
            for (int t = 0; t < threads; t++) {
                List<String> mine = parts.get(t).get();
                for (int j = 0; j < mine.size(); j++) {
                    tokens[t + j * threads] = mine.get(j);
                }
            }
            return List.of(tokens);
        } finally {
            pool.shutdownNow();
        }
    }

    /** @return how many rows the query counts in the service's database */
    static long count(EmbeddedPostgres postgres, String query) throws Exception {
        try (Connection c = postgres.getDatabase("postgres", "siaga").getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** @return "min / median / max" of the values, each in the format */
    static String spread(double[] values, String format) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, format + " / " + format + " / " + format, sorted[0], median(values),
                sorted[sorted.length - 1]);
    }

    /** @return the values in run order, each in the format */
    static String runs(double[] values, String format) {
        StringBuilder text = new StringBuilder();
        for (double v : values) {
            text.append(text.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, format, v));
        }
        return text.toString();
    }
}
