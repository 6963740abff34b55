package id.siaga.ticket.bench;

import java.time.Instant;
import java.util.Locale;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Realistic agent posts: post {@code k} comes from server {@code k mod servers}; each server has {@code checks}
 * checks whose results rotate through the post, optionally followed by the agent's heartbeat. About
 * {@code changeRate} of the findings change their check's state (OK to CRIT or back): a check that turns CRIT opens a
 * ticket after two results (and, on a SIAK database server, raises an escalation), one that turns OK again records
 * a recovery after two. A failure lasts {@link #FAILURE_RESULTS} results on average (a passing check fails with the
 * probability that gives the change rate), so with the defaults 2.5 % of the findings are CRIT and everything else
 * is OK, as nearly all of a real fleet's findings are. {@code -Dsiaga.bench.failure-results=0} flips each result
 * with the change rate whatever its state, as the mix did before 2026-12-08: its checks drift towards half of them
 * failing (after the warm-up about 40 % of the findings are CRIT).
 */
final class FindingMix implements LoadGenerator.Posts {

    /** Share of findings that change a check's state in the realistic mix (-Dsiaga.bench.change-rate, default 1 %). */
    static final double REALISTIC_CHANGE_RATE = Double.parseDouble(System.getProperty("siaga.bench.change-rate", "0.01"));

    /** Results a failure lasts on average (-Dsiaga.bench.failure-results, default 5); 0 for the symmetric mix. */
    static final double FAILURE_RESULTS = Double.parseDouble(System.getProperty("siaga.bench.failure-results", "5"));

    private static final String[] KINDS = {"http", "tcp", "jdbc", "host", "process", "file-age", "reachability", "tcp"};

    private final List<String> tokens;
    private final int checks;
    private final int findingsPerPost;
    private final boolean heartbeat;
    /** Probability that a passing check fails at its next result. */
    private final double failRate;
    /** Probability that a failing check passes at its next result. */
    private final double recoverRate;
    private final Server[] servers;

    /** What the generator remembers of one server: each check's current state and where its rotation is. */
    private static final class Server {
        final boolean[] failing;
        long next;

        Server(int checks) {
            failing = new boolean[checks];
        }
    }

    /**
     * @param tokens          the servers' agent tokens, one server each
     * @param findingsPerPost check results per post (the heartbeat not counted)
     */
    FindingMix(List<String> tokens, int checks, int findingsPerPost, boolean heartbeat, double changeRate) {
        this.tokens = tokens;
        this.checks = checks;
        this.findingsPerPost = findingsPerPost;
        this.heartbeat = heartbeat;
        if (FAILURE_RESULTS > 0) {
            // a change per finding of 2pq / (p + q) for failing p and recovering q
            this.recoverRate = 1 / FAILURE_RESULTS;
            this.failRate = changeRate * recoverRate / (2 * recoverRate - changeRate);
        } else {
            this.recoverRate = changeRate;
            this.failRate = changeRate;
        }
        this.servers = new Server[tokens.size()];
        for (int i = 0; i < servers.length; i++) {
            servers[i] = new Server(checks);
        }
    }

    /** @return the mix in words: its change rate, how long a failure lasts and the share of CRIT findings */
    String describe() {
        return String.format(Locale.ROOT, "findings: %.1f %% change a check's state, %s", 100 * 2 * failRate * recoverRate
                / (failRate + recoverRate), FAILURE_RESULTS > 0 ? String.format(Locale.ROOT,
                "a failure lasts %.0f results on average, %.1f %% of them CRIT", FAILURE_RESULTS,
                100 * failRate / (failRate + recoverRate)) : "each result flips with that rate (checks drift to half failing)");
    }

    @Override
    public LoadGenerator.Post next(long k) {
        int index = (int) (k % tokens.size());
        Server server = servers[index];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder json = new StringBuilder(findingsPerPost * 230 + 260).append('[');
        Instant now = Instant.now();
        synchronized (server) {
            for (int i = 0; i < findingsPerPost; i++) {
                int check = (int) (server.next++ % checks);
                if (random.nextDouble() < (server.failing[check] ? recoverRate : failRate)) {
                    server.failing[check] = !server.failing[check];
                }
                boolean crit = server.failing[check];
                if (i > 0) {
                    json.append(',');
                }
                json.append("{\"id\":\"").append(uuid(random)).append("\",\"check\":\"check-").append(check)
                        .append("\",\"kind\":\"").append(KINDS[check % KINDS.length]).append("\",\"status\":\"")
                        .append(crit ? "CRIT" : "OK").append("\",\"message\":\"")
                        .append(crit ? "connection refused" : "answered in 12 ms")
                        .append("\",\"measurements\":{\"responseMs\":").append(crit ? "0.0" : "12.0")
                        .append("},\"observedAt\":\"").append(now.plusNanos(i * 1000L)).append("\",\"durationMs\":12}");
            }
        }
        if (heartbeat) {
            json.append(",{\"id\":\"").append(uuid(random)).append("\",\"check\":\"agent\",\"kind\":\"heartbeat\",")
                    .append("\"status\":\"OK\",\"message\":\"agent running\",\"measurements\":{\"intervalSeconds\":30.0},")
                    .append("\"observedAt\":\"").append(now).append("\"}");
        }
        json.append(']');
        return new LoadGenerator.Post(tokens.get(index), json.toString(), findingsPerPost + (heartbeat ? 1 : 0));
    }

    /**
     * The agent's ids are time-ordered (version 7: the milliseconds first, then random bits), as FindingId makes them;
     * {@code -Dsiaga.bench.ids=random} posts random (version 4) ids instead, as agents before 2026-12 did.
     */
    private static final boolean RANDOM_IDS = "random".equals(System.getProperty("siaga.bench.ids"));

    /** A new finding id, like the agent's, without SecureRandom, which would make the load generator the bottleneck. */
    private static UUID uuid(ThreadLocalRandom random) {
        long high = RANDOM_IDS ? (random.nextLong() & 0xffffffffffff0fffL) | 0x4000L
                : (System.currentTimeMillis() & 0xffff_ffff_ffffL) << 16 | 0x7000L | random.nextInt(0x1000);
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
