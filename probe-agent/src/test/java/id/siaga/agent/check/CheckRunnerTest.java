package id.siaga.agent.check;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckRunnerTest {

    @Test
    void turnsACheckThatThrowsIntoUnknownWithoutStoppingTheOthers() {
        Check throwing = () -> {
            throw new IOException("disk on fire");
        };
        Check fine = () -> new CheckResult(Status.OK, "fine", Map.of("x", 1.0));
        try (CheckRunner runner = new CheckRunner(List.of(named("boom", throwing), named("fine", fine)),
                Clock.systemUTC())) {
            List<CheckOutcome> outcomes = runner.runAll();
            assertEquals(Status.UNKNOWN, outcomes.get(0).status());
            assertEquals("check failed: disk on fire", outcomes.get(0).message());
            assertEquals(Status.OK, outcomes.get(1).status());
            assertEquals(Map.of("x", 1.0), outcomes.get(1).measurements());
        }
    }

    @Test
    void givesUpOnACheckThatHangsAndReportsItBusyNextTime() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Check hanging = new Check() {
            @Override
            public CheckResult run() {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    while (release.getCount() > 0) {
                        Thread.onSpinWait();
                    }
                }
                return CheckResult.of(Status.OK, "late");
            }

            @Override
            public Duration timeout() {
                return Duration.ofMillis(100);
            }
        };
        try (CheckRunner runner = new CheckRunner(List.of(named("hang", hanging)), Clock.systemUTC())) {
            long started = System.nanoTime();
            CheckOutcome first = runner.runAll().get(0);
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            assertEquals(Status.UNKNOWN, first.status());
            assertEquals("no result within 100 ms (timed out)", first.message());
            assertTrue(tookMs < 100 + CheckRunner.GRACE.toMillis() + 1_000, "took " + tookMs + " ms");

            CheckOutcome second = runner.runAll().get(0);
            assertEquals(Status.UNKNOWN, second.status());
            assertTrue(second.message().startsWith("still busy"), second.message());
            release.countDown();
        }
    }

    @Test
    void runsOnlyTheRequestedChecksInConfigurationOrder() {
        Check ok = () -> CheckResult.of(Status.OK, "ok");
        try (CheckRunner runner = new CheckRunner(List.of(named("a", ok), named("b", ok), named("c", ok)),
                Clock.systemUTC())) {
            List<CheckOutcome> outcomes = runner.run(List.of("c", "a", "zzz"));
            assertEquals(List.of("a", "c"), outcomes.stream().map(CheckOutcome::key).toList());
        }
    }

    @Test
    void ranksCriticalAboveUnknownAboveWarning() {
        assertEquals(Status.CRIT, Status.UNKNOWN.worst(Status.CRIT));
        assertEquals(Status.UNKNOWN, Status.WARN.worst(Status.UNKNOWN));
        assertEquals(Status.WARN, Status.OK.worst(Status.WARN));
        assertEquals(2, Status.CRIT.exitCode());
        assertEquals(3, Status.UNKNOWN.exitCode());
    }

    private static NamedCheck named(String key, Check check) {
        return new NamedCheck(key, "test", null, check);
    }
}
