package id.siaga.agent.check;

import id.siaga.agent.config.TicketThresholds;
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
 * @param tickets      when the service should open a ticket and record a recovery for this check
 */
public record CheckOutcome(String key, String kind, String dependsOn, Status status, String message,
                           Map<String, Double> measurements, Instant observedAt, Duration duration,
                           TicketThresholds tickets) {

    static CheckOutcome of(NamedCheck check, CheckResult result, Instant observedAt, Duration duration) {
        return new CheckOutcome(check.key(), check.kind(), check.dependsOn(), result.status(), result.message(),
                result.measurements(), observedAt, duration, check.tickets());
    }
}
