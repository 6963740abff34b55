package id.siaga.agent.check;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs checks side by side, each under its time limit. A check that throws, hangs or is still busy from an
 * earlier run becomes UNKNOWN with the reason; it never stops the other checks or the cycle.
 */
public final class CheckRunner implements AutoCloseable {

    /** Time given to a check beyond its own limit before the runner gives up on it. */
    static final Duration GRACE = Duration.ofSeconds(2);

    private final List<NamedCheck> checks;
    private final Clock clock;
    private final ExecutorService executor;
    private final Set<String> busy = ConcurrentHashMap.newKeySet();

    public CheckRunner(List<NamedCheck> checks, Clock clock) {
        this.checks = List.copyOf(checks);
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "check-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @return the configured checks, in configuration order */
    public List<NamedCheck> checks() {
        return checks;
    }

    /** Runs every check once. @return one outcome per check, in configuration order */
    public List<CheckOutcome> runAll() {
        return runSelected(checks);
    }

    /**
     * Runs the checks with the given keys; unknown keys are ignored.
     *
     * @return one outcome per known key, in configuration order
     */
    public List<CheckOutcome> run(Collection<String> keys) {
        List<NamedCheck> selected = new ArrayList<>();
        for (NamedCheck check : checks) {
            if (keys.contains(check.key())) {
                selected.add(check);
            }
        }
        return runSelected(selected);
    }

    private List<CheckOutcome> runSelected(List<NamedCheck> selected) {
        List<Pending> pending = new ArrayList<>();
        for (NamedCheck check : selected) {
            Instant observedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            long started = System.nanoTime();
            if (!busy.add(check.key())) {
                pending.add(new Pending(check, observedAt, started, null));
                continue;
            }
            Future<Timed> future;
            try {
                future = executor.submit(() -> {
                    try {
                        CheckResult result = check.check().run();
                        return new Timed(result, System.nanoTime());
                    } finally {
                        busy.remove(check.key());
                    }
                });
            } catch (RuntimeException e) {
                busy.remove(check.key());
                throw e;
            }
            pending.add(new Pending(check, observedAt, started, future));
        }
        List<CheckOutcome> outcomes = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            outcomes.add(await(p));
        }
        return outcomes;
    }

    private CheckOutcome await(Pending p) {
        Duration limit = p.check.check().timeout();
        CheckResult result;
        long ended = -1;
        if (p.future == null) {
            result = CheckResult.of(Status.UNKNOWN, "still busy from an earlier run (over " + seconds(limit) + ")");
        } else {
            long deadline = p.started + limit.plus(GRACE).toNanos();
            try {
                Timed timed = p.future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                result = timed.result();
                ended = timed.ended();
                if (result == null) {
                    result = CheckResult.of(Status.UNKNOWN, "check gave no result");
                }
            } catch (TimeoutException e) {
                p.future.cancel(true);
                result = CheckResult.of(Status.UNKNOWN, "no result within " + seconds(limit) + " (timed out)");
            } catch (ExecutionException e) {
                result = CheckResult.of(Status.UNKNOWN, "check failed: " + describe(e.getCause()));
            } catch (CancellationException e) {
                result = CheckResult.of(Status.UNKNOWN, "check cancelled");
            } catch (InterruptedException e) {
                p.future.cancel(true);
                Thread.currentThread().interrupt();
                result = CheckResult.of(Status.UNKNOWN, "agent stopping; check interrupted");
            }
        }
        Duration took = Duration.ofNanos((ended == -1 ? System.nanoTime() : ended) - p.started);
        return CheckOutcome.of(p.check, result, p.observedAt, took);
    }

    /** @return a short description of an error: its message, or its type when it has none */
    public static String describe(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return error.getClass().getSimpleName();
        }
        return message.replaceAll("\\s+", " ").trim();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private record Pending(NamedCheck check, Instant observedAt, long started, Future<Timed> future) {
    }

    private record Timed(CheckResult result, long ended) {
    }
}
