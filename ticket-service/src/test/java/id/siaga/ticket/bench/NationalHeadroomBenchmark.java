package id.siaga.ticket.bench;

import id.siaga.ticket.it.ServiceProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * National headroom: the nation's agents post about 171 times a second (8 findings and a heartbeat each); the goal is
 * 20 × that, 3,420 posts/s, with p99 at most 500 ms and no error, on this 2-core machine with the load generator on it.
 * 2,000 servers, each with its own token, post realistic findings (~1 % change a check's state) open loop at fixed
 * rates, latency from each post's scheduled send; each rate runs {@code siaga.bench.rounds} times, the rates
 * interleaved (1500 2000 2500 3420 1500 ...), with B1 measured beside each round, after warm-up load until the JIT
 * compiler has settled ({@link Bench#warmUp}). Beside each run it prints where the machine's CPU went (the service with
 * its JIT compiler's part, PostgreSQL, the load generator: {@link MachineCpu}), and with
 * {@code -Dsiaga.bench.statements=true} PostgreSQL's time by statement ({@link StatementProfile}). Run with
 * {@code scripts/benchmark.sh}.
 */
class NationalHeadroomBenchmark {

    private static final int SECONDS = Integer.getInteger("siaga.bench.seconds", 10);
    private static final int ROUNDS = Integer.getInteger("siaga.bench.rounds", 3);
    private static final int SERVERS = Integer.getInteger("siaga.bench.servers", 2000);
    /**
     * Connections posting, by default one for each server, as each agent posts on its own: with fewer (128 until
     * 2026-12-07) a connection whose previous post was still unanswered sent its next one late, so the load generator
     * capped the posts in flight at its connection count and made the tail itself once answers took longer than
     * connections / rate (37 ms at 3,420/s with 128).
     */
    private static final int CLIENTS = Integer.getInteger("siaga.bench.headroom.clients", SERVERS);
    private static final double[] RATES = Arrays.stream(System.getProperty("siaga.bench.rates", "1500,2000,2500,3420")
            .split(",")).mapToDouble(Double::parseDouble).toArray();
    private static final double NATIONAL = 171;

    @Test
    void measuresRealisticPostsAtFixedRatesFromTwoThousandServers() throws Exception {
        String loadAtStart = Baselines.loadAverage();
        try (EmbeddedPostgres postgres = Bench.durablePostgres(); ServiceProcess service = Bench.service("headroom", postgres)) {
            Baselines baselines = new Baselines(postgres);
            URI url = URI.create(service.url());
            List<String> tokens = Bench.register(service, "node", SERVERS);
            FindingMix posts = new FindingMix(tokens, 8, 8, true, FindingMix.REALISTIC_CHANGE_RATE);
            Bench.WarmUp warmUp = Bench.warmUp(service, url, 32, Integer.getInteger("siaga.bench.warmup", 60), posts);
            warmUp = Bench.vacuum(postgres, warmUp);

            LoadGenerator.Run[][] runs = new LoadGenerator.Run[RATES.length][ROUNDS];
            double[][] load = new double[RATES.length][ROUNDS];
            String[][] cpu = new String[RATES.length][ROUNDS];
            double[] b1 = new double[ROUNDS];
            StatementProfile.reset(postgres);
            for (int r = 0; r < ROUNDS; r++) {
                b1[r] = baselines.b1(SECONDS);
                for (int i = 0; i < RATES.length; i++) {
                    MachineCpu before = MachineCpu.of(service.pid(), postgres);
                    runs[i][r] = LoadGenerator.open(url, CLIENTS, Duration.ofSeconds(SECONDS), RATES[i], posts);
                    cpu[i][r] = before.until(MachineCpu.of(service.pid(), postgres));
                    load[i][r] = Baselines.loadAverage1();
                }
            }
            String text = report(loadAtStart, posts.describe(), warmUp, b1, runs, load, cpu, Baselines.loadAverage())
                    + StatementProfile.report(postgres);
            System.out.println(text);
            TicketListBenchmark.write("national-headroom.txt", text);
            assertTrue(runs[0][0].posts() > 0);
        }
    }

    private static String report(String loadAtStart, String mix, Bench.WarmUp warmUp, double[] b1, LoadGenerator.Run[][] runs,
            double[][] load, String[][] cpu, String loadAtEnd) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%n==== SIAGA national headroom: %d servers, posts of 8 findings + heartbeat, "
                + "open loop on %d connections, %d s per run, %d rounds (rates interleaved) ====%n", SERVERS, CLIENTS, SECONDS,
                ROUNDS));
        t.append("latency from each post's scheduled send; goal 3420 posts/s (20 x the national 171/s) with p99 <= 500 ms "
                + "and no error\n");
        t.append("load average (1/5/15 min) at start: ").append(loadAtStart).append("; at end: ").append(loadAtEnd).append('\n');
        t.append(mix).append('\n');
        t.append(warmUp.describe()).append('\n');
        t.append(String.format(Locale.ROOT, "B1 beside each round: %s tx/s (min / median / max %s)%n", Bench.runs(b1, "%.0f"),
                Bench.spread(b1, "%.0f")));
        t.append(String.format(Locale.ROOT, "%-9s %-6s %-22s %-22s %-22s %-22s %-7s %s%n", "offered", "x171", "served posts/s",
                "p50 ms", "p99 ms", "max ms", "errors", "1-min load"));
        for (int i = 0; i < runs.length; i++) {
            LoadGenerator.Run[] r = runs[i];
            double[] served = FindingsBenchmark.values(r, false);
            double[] p99 = FindingsBenchmark.percentiles(r, 99);
            long errors = FindingsBenchmark.errors(r);
            boolean held = Arrays.stream(p99).allMatch(p -> p <= 500) && errors == 0;
            t.append(String.format(Locale.ROOT, "%-9.0f %-6.1f %-22s %-22s %-22s %-22s %-7d %s  %s%n", RATES[i],
                    RATES[i] / NATIONAL, Bench.spread(served, "%.0f"), Bench.spread(FindingsBenchmark.percentiles(r, 50), "%.1f"),
                    Bench.spread(p99, "%.1f"), Bench.spread(FindingsBenchmark.percentiles(r, 101), "%.0f"), errors,
                    Bench.runs(load[i], "%.1f"), held ? "held in every run" : "NOT held in every run"));
            for (int k = 0; k < cpu[i].length; k++) {
                t.append(String.format(Locale.ROOT, "    round %d, CPU: %s%n", k + 1, cpu[i][k]));
            }
            for (int k = 0; k < r.length; k++) {
                t.append(String.format(Locale.ROOT, "    round %d, the 100 ms windows whose posts waited longest: %s%n", k + 1,
                        r[k].worstMoments()));
            }
            for (LoadGenerator.Run run : r) {
                if (run.firstError() != null) {
                    t.append("    first error: ").append(run.firstError()).append('\n');
                    break;
                }
            }
        }
        t.append("=".repeat(110)).append('\n');
        return t.toString();
    }
}
