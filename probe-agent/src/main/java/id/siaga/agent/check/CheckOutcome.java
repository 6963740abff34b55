package id.siaga.agent.check;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A check's result together with when it was observed and how long it took.
 *
 * @param key          the check's key
 * @param kind         the check's kind
 * @param dependsOn    key of the reachability check it depends on, or {@code null}
 * @param status       OK, WARN, CRIT or UNKNOWN
 * @param message      plain-words explanation
 * @param measurements named numbers
 * @param observedAt   when the check started, to the millisecond
 * @param duration     how long it took
 */
public record CheckOutcome(String key, String kind, String dependsOn, Status status, String message,
                           Map<String, Double> measurements, Instant observedAt, Duration duration) {

    static CheckOutcome of(NamedCheck check, CheckResult result, Instant observedAt, Duration duration) {
        return new CheckOutcome(check.key(), check.kind(), check.dependsOn(), result.status(), result.message(),
                result.measurements(), observedAt, duration);
    }
}
