package id.siaga.ticket.bench;

import id.siaga.ticket.it.ServiceProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Findings ingest against its database baselines, in one run on one durable PostgreSQL (fsync and synchronous_commit
 * on), each comparison three times interleaved with its baseline (A B A B A B):
 * <ul>
 * <li>single-finding posts, closed loop from 64 agents, against B1 (goal: at least 0.5 × B1);</li>
 * <li>batched posts (100 findings) from 40 agents against B1×100, the like-for-like baseline (and against B1: goal at
 * least 3 × B1);</li>
 * <li>single-finding posts open loop at 80 % of the closed-loop median, latency from each post's scheduled send
 * (goal: p99 at most 50 ms). Each measured run follows 3 s at the same rate ({@code siaga.bench.settle}), printed
 * apart, because pgbench has just had the database to itself; every run also names its three worst 100 ms windows
 * (one stall shows as neighbouring windows).</li>
 * </ul>
 * Every post is a realistic mix: about 1 % of the findings change their check's state, so tickets open, recover and
 * escalate during the load. The service is warmed up first ({@link Bench#warmUp}: 60 s by default, then on until
 * its JIT compiler uses under a tenth of a core; under the national-headroom load that took about three minutes,
 * 2026-12-06), as an office's service runs for months, so the figures are those of the compiled code; where the
 * machine's CPU went (the service with its compiler's part, PostgreSQL, the load generator: {@link MachineCpu}) is
 * printed beside each open-loop run. Prints min / median / max,
 * the ratio of the medians and the load average; asserts only that no accepted finding was lost. Run it with
 * {@code scripts/benchmark.sh}; it is not part of the test command.
 */
class FindingsBenchmark {

    private static final int SECONDS = Integer.getInteger("siaga.bench.seconds", 10);
    private static final int ROUNDS = Integer.getInteger("siaga.bench.rounds", 3);
    private static final int AGENTS = Integer.getInteger("siaga.bench.agents", 40);
    private static final int BATCH = Integer.getInteger("siaga.bench.batch", 100);
    private static final int SINGLE_CLIENTS = Integer.getInteger("siaga.bench.clients", 64);
    private static final int WARM_UP_SECONDS = Integer.getInteger("siaga.bench.warmup", 60);
    /**
     * Connections of the open-loop runs: enough that posts go out on time while answers take up to 64 ms at 4,000/s
     * (by Little's law, rate × latency posts are in flight). With as few as the closed loop's 64, a client whose
     * previous post was still unanswered sent its next one late, so once the answers took longer than 64 / rate the
     * load generator itself held the posts back and its queue, not the service's, made the tail.
     */
    private static final int OPEN_CLIENTS = Integer.getInteger("siaga.bench.open-clients", 256);
    /** Seconds of open-loop load at the measured rate before each measured open-loop run (reported apart). */
    private static final int SETTLE_SECONDS = Integer.getInteger("siaga.bench.settle", 3);

    @Test
    void measuresFindingsIngestAgainstPgbenchBaselines() throws Exception {
        String loadAtStart = Baselines.loadAverage();
        try (EmbeddedPostgres postgres = Bench.durablePostgres(); ServiceProcess service = Bench.service("bench", postgres)) {
            Baselines baselines = new Baselines(postgres);
            URI url = URI.create(service.url());
            List<String> singleTokens = Bench.register(service, "single", SINGLE_CLIENTS);
            List<String> batchTokens = Bench.register(service, "batch", AGENTS);
            FindingMix single = new FindingMix(singleTokens, 8, 1, false, FindingMix.REALISTIC_CHANGE_RATE);
            FindingMix batched = new FindingMix(batchTokens, 20, BATCH, false, FindingMix.REALISTIC_CHANGE_RATE);
            long accepted = 0;
            Bench.WarmUp warmUp = Bench.warmUp(service, url, SINGLE_CLIENTS, WARM_UP_SECONDS, single);
            accepted += warmUp.findings();
            accepted += LoadGenerator.closed(url, AGENTS, Duration.ofSeconds(WARM_UP_SECONDS / 2), batched).findings();
            warmUp = Bench.vacuum(postgres, warmUp);
            long changesBefore = stateChanges(postgres)[0];

            double[] b1 = new double[ROUNDS];
            double[] b1x100 = new double[ROUNDS];
            LoadGenerator.Run[] singles = new LoadGenerator.Run[ROUNDS];
            LoadGenerator.Run[] batches = new LoadGenerator.Run[ROUNDS];
            double[] load = new double[ROUNDS * 4];
            for (int r = 0; r < ROUNDS; r++) {
                b1[r] = baselines.b1(SECONDS);
                load[r * 4] = Baselines.loadAverage1();
                singles[r] = LoadGenerator.closed(url, SINGLE_CLIENTS, Duration.ofSeconds(SECONDS), single);
                load[r * 4 + 1] = Baselines.loadAverage1();
                b1x100[r] = baselines.b1x100(SECONDS);
                load[r * 4 + 2] = Baselines.loadAverage1();
                batches[r] = LoadGenerator.closed(url, AGENTS, Duration.ofSeconds(SECONDS), batched);
                load[r * 4 + 3] = Baselines.loadAverage1();
                accepted += singles[r].findings() + batches[r].findings();
            }
            double singleRate = Bench.median(values(singles, true));
            double paced = 0.8 * singleRate;
            LoadGenerator.Run[] open = new LoadGenerator.Run[ROUNDS];
            LoadGenerator.Run[] settle = new LoadGenerator.Run[ROUNDS];
            double[] b1Open = new double[ROUNDS];
            String[] openCpu = new String[ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                b1Open[r] = baselines.b1(SECONDS);
                if (SETTLE_SECONDS > 0) {
                    settle[r] = LoadGenerator.open(url, OPEN_CLIENTS, Duration.ofSeconds(SETTLE_SECONDS), paced, single);
                    accepted += settle[r].findings();
                }
                MachineCpu before = MachineCpu.of(service.pid(), postgres);
                open[r] = LoadGenerator.open(url, OPEN_CLIENTS, Duration.ofSeconds(SECONDS), paced, single);
                openCpu[r] = before.until(MachineCpu.of(service.pid(), postgres));
                accepted += open[r].findings();
            }
            long stored = Bench.count(postgres, "select count(*) from finding");
            long[] changes = stateChanges(postgres);
            String text = report(loadAtStart, warmUp, b1, singles, b1x100, batches, b1Open, paced, settle, open, openCpu, load, changes,
                    changes[0] - changesBefore, stored, Baselines.loadAverage());
            System.out.println(text);
            TicketListBenchmark.write("findings-ingest.txt", text);
            assertTrue(stored >= accepted, "every accepted finding is stored: " + stored + " < " + accepted);
        }
    }

    /** @return agent tickets opened, recoveries recorded, escalations raised (all so far) */
    private static long[] stateChanges(EmbeddedPostgres postgres) throws Exception {
        return new long[] {Bench.count(postgres, "select count(*) from ticket where source = 'AGENT'"),
                Bench.count(postgres, "select count(*) from ticket_event where type = 'RECOVERED'"),
                Bench.count(postgres, "select count(*) from escalation")};
    }

    static double[] values(LoadGenerator.Run[] runs, boolean findings) {
        double[] v = new double[runs.length];
        for (int i = 0; i < runs.length; i++) {
            v[i] = findings ? runs[i].findingsPerSecond() : runs[i].postsPerSecond();
        }
        return v;
    }

    static double[] percentiles(LoadGenerator.Run[] runs, double p) {
        double[] v = new double[runs.length];
        for (int i = 0; i < runs.length; i++) {
            v[i] = p > 100 ? runs[i].maxMillis() : runs[i].percentileMillis(p);
        }
        return v;
    }

    static long errors(LoadGenerator.Run[] runs) {
        long n = 0;
        for (LoadGenerator.Run run : runs) {
            n += run.errors();
        }
        return n;
    }

    private static String report(String loadAtStart, Bench.WarmUp warmUp, double[] b1, LoadGenerator.Run[] singles, double[] b1x100,
            LoadGenerator.Run[] batches, double[] b1Open, double paced, LoadGenerator.Run[] settle, LoadGenerator.Run[] open,
            String[] openCpu, double[] load, long[] changes, long ticketsDuringRuns, long stored, String loadAtEnd) {
        double b1Median = Bench.median(b1);
        double singleMedian = Bench.median(values(singles, true));
        double batchMedian = Bench.median(values(batches, true));
        double b1x100Median = Bench.median(b1x100);
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%n==== SIAGA findings ingest: %d rounds, each baseline run beside its comparison "
                + "(A B A B A B), %d s each ====%n", ROUNDS, SECONDS));
        t.append("PostgreSQL fsync + synchronous_commit on; realistic findings (~1 % change a check's state); "
                + "load generator on the same 2 cores\n");
        t.append("load average (1/5/15 min) at start: ").append(loadAtStart).append("; 1-min during the runs: ")
                .append(Bench.runs(load, "%.1f")).append("; at end: ").append(loadAtEnd).append('\n');
        t.append(warmUp.describe()).append('\n');
        t.append(String.format(Locale.ROOT, "%-52s %-12s %-28s %s%n", "", "unit", "runs in order", "min / median / max"));
        row(t, "A  B1: pgbench 1-row INSERT (uuid + 4 text), 8 cl.", "tx/s", b1, "%.0f");
        row(t, "B  single-finding posts, " + SINGLE_CLIENTS + " agents, closed loop", "findings/s", values(singles, true), "%.0f");
        t.append(String.format(Locale.ROOT, "   ratio of medians: %.2f x B1 (goal >= 0.5)   latency p50 %s ms, p99 %s ms%n",
                singleMedian / b1Median, Bench.spread(percentiles(singles, 50), "%.1f"),
                Bench.spread(percentiles(singles, 99), "%.1f")));
        row(t, "A  B1x100: pgbench one 100-row INSERT, 8 cl.", "rows/s", b1x100, "%.0f");
        row(t, "B  batched posts, " + AGENTS + " agents x " + BATCH + " findings, closed", "findings/s",
                values(batches, true), "%.0f");
        t.append(String.format(Locale.ROOT, "   ratio of medians: %.2f x B1x100, %.2f x B1 (goal >= 3 x B1)   "
                        + "latency p50 %s ms, p99 %s ms%n", batchMedian / b1x100Median, batchMedian / b1Median,
                Bench.spread(percentiles(batches, 50), "%.1f"), Bench.spread(percentiles(batches, 99), "%.1f")));
        row(t, "A  B1 (again, beside the open-loop runs)", "tx/s", b1Open, "%.0f");
        row(t, String.format(Locale.ROOT, "B  single posts OPEN loop at 80 %% (%.0f/s offered, %d conn.)", paced,
                OPEN_CLIENTS), "findings/s",
                values(open, true), "%.0f");
        t.append(String.format(Locale.ROOT, "   latency from the scheduled send: p50 %s ms, p99 %s ms (goal <= 50), max %s ms; "
                        + "errors %d%n", Bench.spread(percentiles(open, 50), "%.1f"), Bench.spread(percentiles(open, 99), "%.1f"),
                Bench.spread(percentiles(open, 101), "%.0f"), errors(open)));
        for (int r = 0; r < openCpu.length; r++) {
            t.append(String.format(Locale.ROOT, "   round %d, CPU: %s%n", r + 1, openCpu[r]));
        }
        for (int r = 0; r < open.length; r++) {
            t.append(String.format(Locale.ROOT, "   round %d, the 100 ms windows whose posts waited longest: %s%n", r + 1,
                    open[r].worstMoments()));
        }
        if (settle[0] != null) {
            t.append(String.format(Locale.ROOT, "   the %d s at the same rate just before each open-loop run (right after "
                            + "pgbench; not counted above): p99 %s ms, max %s ms, errors %d%n", SETTLE_SECONDS,
                    Bench.spread(percentiles(settle, 99), "%.1f"), Bench.spread(percentiles(settle, 101), "%.0f"),
                    errors(settle)));
            for (int r = 0; r < settle.length; r++) {
                t.append(String.format(Locale.ROOT, "   round %d, its worst 100 ms windows: %s%n", r + 1,
                        settle[r].worstMoments()));
            }
        }
        t.append(String.format(Locale.ROOT, "errors in the closed-loop runs: %d; findings stored: %d; by the mix so far: "
                        + "%d agent tickets opened (%d during the measured runs), %d recoveries, %d escalations%n",
                errors(singles) + errors(batches), stored, changes[0], ticketsDuringRuns, changes[1], changes[2]));
        t.append("=".repeat(110)).append('\n');
        return t.toString();
    }

    private static void row(StringBuilder t, String name, String unit, double[] values, String format) {
        t.append(String.format(Locale.ROOT, "%-52s %-12s %-28s %s%n", name, unit, Bench.runs(values, format),
                Bench.spread(values, format)));
    }
}
