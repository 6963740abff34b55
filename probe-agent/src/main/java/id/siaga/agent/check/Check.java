package id.siaga.agent.check;

import java.time.Duration;

/**
 * One kind of check. An implementation is created once from its configuration and run every cycle; it may
 * keep state between runs (e.g. the previous CPU ticks). It should finish within {@link #timeout()};
 * {@link CheckRunner} gives up on it shortly after and reports UNKNOWN.
 */
public interface Check {

    /** Default time limit of a check. */
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Runs the check once.
     *
     * @return the result; problems found on the checked system are results (WARN, CRIT), not exceptions
     * @throws Exception when the check itself could not be performed; the runner reports it as UNKNOWN
     */
    CheckResult run() throws Exception;

    /** @return the longest the check may take */
    default Duration timeout() {
        return DEFAULT_TIMEOUT;
    }
}
