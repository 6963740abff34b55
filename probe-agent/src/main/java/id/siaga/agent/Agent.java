package id.siaga.agent;

import id.siaga.agent.check.CheckOutcome;
import id.siaga.agent.check.CheckRunner;
import id.siaga.agent.check.Status;
import id.siaga.agent.config.AgentConfig;
import id.siaga.agent.report.Delivery;
import id.siaga.agent.report.Finding;
import id.siaga.agent.report.FindingId;
import id.siaga.agent.report.Outbox;
import id.siaga.agent.report.RecheckRequest;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The daemon: every interval it runs all checks, stores their findings and a heartbeat in the outbox as one
 * cycle, and lets {@link Delivery} send the outbox; re-check requests in the service's answers are run at
 * once and their findings sent with {@code recheckId}. While a delivery backoff is in progress, each cycle asks
 * the service's readiness check whether it is back, so a backlog goes out within one interval of its return.
 * Only outgoing connections are made.
 */
public final class Agent {

    /** Most rounds of re-checks run in a row after one delivery, so a service cannot keep the agent busy. */
    static final int MAX_RECHECK_ROUNDS = 5;
    /** Re-check ids remembered, so a request repeated by the service runs once. */
    static final int REMEMBERED_RECHECKS = 256;

    private static final Log LOG = Log.of(Agent.class);

    private final AgentConfig config;
    private final CheckRunner runner;
    private final Outbox outbox;
    private final Delivery delivery;
    private final Clock clock;
    private final String version;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Map<String, Status> lastStatus = new HashMap<>();
    private final Set<UUID> handledRechecks = new LinkedHashSet<>();
    private long lastCpuNanos = -1;

    public Agent(AgentConfig config, CheckRunner runner, Outbox outbox, Delivery delivery, Clock clock,
                 String version) {
        this.config = config;
        this.runner = runner;
        this.outbox = outbox;
        this.delivery = delivery;
        this.clock = clock;
        this.version = version;
    }

    /**
     * Runs the daemon until {@link #stop()}: a cycle every interval, deliveries in between as the backoff
     * allows. The outbox's counters are written when it returns.
     */
    public void run() {
        long interval = config.interval().toNanos();
        LOG.info("agent " + version + " started for server " + config.server().name() + " (id "
                + config.server().id() + "): " + runner.checks().size() + " checks every "
                + config.interval().toSeconds() + " s, reporting to " + config.service().url() + "; "
                + outbox.size() + " finding(s) waiting in " + outbox.dir());
        try {
            long nextCycle = System.nanoTime();
            while (stopRequested.getCount() > 0) {
                long now = System.nanoTime();
                try {
                    if (now - nextCycle >= 0) {
                        nextCycle += interval;
                        if (System.nanoTime() - nextCycle > 0) {
                            nextCycle = System.nanoTime() + interval;
                        }
                        cycle();
                        delivery.serviceReturned();
                        deliver(false);
                    } else if (outbox.size() > 0 && delivery.due()) {
                        deliver(false);
                    }
                } catch (RuntimeException e) {
                    LOG.log(Log.Level.SEVERE, "cycle failed, trying again next interval: " + e, e);
                }
                long sleep = nextCycle - System.nanoTime();
                if (outbox.size() > 0 && delivery.nanosUntilDue() < sleep) {
                    sleep = delivery.nanosUntilDue();
                }
                if (sleep > 0 && stopRequested.await(sleep, TimeUnit.NANOSECONDS)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeOutbox();
            runner.close();
            LOG.info("agent stopped; " + outbox.size() + " finding(s) kept in the outbox for the next start");
            stopped.countDown();
        }
    }

    /**
     * Runs {@code cycles} cycles back to back, each followed by one delivery attempt that ignores any backoff;
     * for {@code run --once} and tests.
     *
     * @return whether the outbox was empty after the last attempt
     */
    public boolean runCycles(int cycles) throws InterruptedException {
        boolean delivered = false;
        for (int i = 0; i < cycles; i++) {
            cycle();
            delivered = deliver(true);
        }
        closeOutbox();
        return delivered;
    }

    /** Asks {@link #run()} to return after the step it is in; it does not wait. */
    public void stop() {
        stopRequested.countDown();
    }

    /** @return whether {@link #run()} returned within {@code timeout} */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs every check once and stores the findings and a heartbeat in the outbox. */
    List<CheckOutcome> cycle() {
        long start = System.nanoTime();
        int backlog = outbox.size();
        List<CheckOutcome> outcomes = runner.runAll();
        long cycleMs = (System.nanoTime() - start) / 1_000_000;
        List<Finding> findings = new ArrayList<>(outcomes.size() + 1);
        for (CheckOutcome outcome : outcomes) {
            findings.add(Finding.of(outcome, config.server().id(), null));
            logChange(outcome);
        }
        findings.add(heartbeat(outcomes.size(), backlog, cycleMs));
        store(findings);
        return outcomes;
    }

    private Finding heartbeat(int checks, int backlog, long cycleMs) {
        Map<String, Double> measurements = new LinkedHashMap<>();
        measurements.put("outboxSize", (double) backlog);
        measurements.put("droppedTotal", (double) outbox.droppedTotal());
        measurements.put("rejectedTotal", (double) outbox.rejectedTotal());
        measurements.put("cycleMs", (double) cycleMs);
        measurements.put("intervalSeconds", (double) Math.max(1, config.interval().toSeconds()));
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
        if (cpu >= 0 && lastCpuNanos >= 0) {
            measurements.put("cpuMs", (cpu - lastCpuNanos) / 1e6);
        }
        lastCpuNanos = cpu;
        Runtime runtime = Runtime.getRuntime();
        measurements.put("heapUsedBytes", (double) (runtime.totalMemory() - runtime.freeMemory()));
        String message = "agent " + version + " alive; " + checks + " checks in " + cycleMs + " ms; outbox "
                + backlog + " waiting, " + outbox.droppedTotal() + " dropped";
        return new Finding(FindingId.next(), config.server().id(), Finding.HEARTBEAT_CHECK, Finding.HEARTBEAT_KIND,
                Status.OK, message, measurements, clock.instant().truncatedTo(ChronoUnit.MILLIS), cycleMs, null, null);
    }

    /** @return whether the outbox is empty afterwards */
    private boolean deliver(boolean ignoreWait) throws InterruptedException {
        Delivery.Result result = delivery.drain(ignoreWait);
        for (int round = 0; round < MAX_RECHECK_ROUNDS && !result.rechecks().isEmpty(); round++) {
            boolean ran = false;
            for (RecheckRequest request : result.rechecks()) {
                ran |= recheck(request);
            }
            if (!ran) {
                break;
            }
            result = delivery.drain(true);
        }
        return result.delivered();
    }

    private boolean recheck(RecheckRequest request) {
        if (request.id() == null || !handledRechecks.add(request.id())) {
            return false;
        }
        if (handledRechecks.size() > REMEMBERED_RECHECKS) {
            handledRechecks.remove(handledRechecks.iterator().next());
        }
        List<CheckOutcome> outcomes = request.checks().isEmpty() ? runner.runAll() : runner.run(request.checks());
        LOG.info("re-check " + request.id() + (request.ticketId() == null ? "" : " for ticket " + request.ticketId())
                + ": ran " + outcomes.size() + " check(s)"
                + (request.checks().isEmpty() ? "" : " of " + request.checks()));
        List<Finding> findings = new ArrayList<>();
        for (CheckOutcome outcome : outcomes) {
            findings.add(Finding.of(outcome, config.server().id(), request.id()));
            logChange(outcome);
        }
        store(findings);
        return true;
    }

    private void closeOutbox() {
        try {
            outbox.close();
        } catch (IOException e) {
            LOG.warning("cannot save the outbox counters in " + outbox.dir() + ": " + e);
        }
    }

    private void store(List<Finding> findings) {
        try {
            outbox.add(findings);
        } catch (IOException e) {
            LOG.severe("cannot store findings in the outbox " + outbox.dir() + " (" + e + "); sending "
                    + findings.size() + " without a copy on disk");
            try {
                delivery.sendUnstored(findings);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void logChange(CheckOutcome outcome) {
        Status before = lastStatus.put(outcome.key(), outcome.status());
        if (before != outcome.status()) {
            Log.Level level = outcome.status() == Status.OK ? Log.Level.INFO : Log.Level.WARNING;
            LOG.log(level, outcome.key() + " (" + outcome.kind() + "): " + (before == null ? "" : before + " -> ")
                    + outcome.status() + ": " + outcome.message());
        } else if (LOG.isLoggable(Log.Level.FINE)) {
            LOG.fine(outcome.key() + ": " + outcome.status() + ": " + outcome.message());
        }
    }
}
