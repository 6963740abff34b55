package id.siaga.agent.report;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: the n-th wait in a row is uniformly random between zero and
 * {@code min(cap, base * 2^n)}, so many agents coming back after an outage spread their retries.
 */
public final class Backoff {

    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;
    private int failures;

    public Backoff(Duration base, Duration cap, RandomGenerator random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /** @return the wait before the next attempt, after one more failure */
    public Duration next() {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(failures, 30));
        failures++;
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }

    /** @return failures in a row so far */
    public int failures() {
        return failures;
    }

    /** Starts over after a success. */
    public void reset() {
        failures = 0;
    }
}
