package id.siaga.agent.report;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retries are spread with full jitter and grow towards the cap. */
class BackoffTest {

    @Test
    void spreadsRetriesWithFullJitterUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), new Random(42));
        long longest = 0;
        for (int i = 0; i < 40; i++) {
            Duration wait = backoff.next();
            assertTrue(!wait.isNegative() && wait.compareTo(Duration.ofMinutes(5)) <= 0, wait::toString);
            if (i < 3) {
                assertTrue(wait.toMillis() <= 1000L << i, "attempt " + i + " waited " + wait);
            }
            longest = Math.max(longest, wait.toMillis());
        }
        assertTrue(longest > Duration.ofMinutes(1).toMillis(), "later waits grow towards the cap");
        backoff.reset();
        assertTrue(backoff.next().toMillis() <= 1000);
    }
}
