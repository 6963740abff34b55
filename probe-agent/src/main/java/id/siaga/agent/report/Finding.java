package id.siaga.agent.report;

import id.siaga.agent.check.CheckOutcome;
import id.siaga.agent.check.Status;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One observation as posted to {@code POST /api/v1/findings}. The id is made once, when the finding is
 * created, and kept through every retry, so the service stores it exactly once.
 *
 * @param id           random UUID, the service's deduplication key
 * @param serverId     the server's id in the service
 * @param check        the check's key, or {@code agent} for the heartbeat
 * @param kind         the check's kind, or {@code heartbeat}
 * @param status       OK, WARN, CRIT or UNKNOWN
 * @param message      plain-words explanation
 * @param measurements named numbers, units in the names
 * @param observedAt   when the check started (UTC, millisecond precision)
 * @param durationMs   how long the check took, in milliseconds
 * @param dependsOn    key of the reachability check this check depends on, or {@code null} (left out)
 * @param recheckId    id of the re-check request this finding answers, or {@code null} (left out)
 * @param openAfter    failing results in a row that open a ticket, or {@code null} for the service's default
 * @param recoverAfter passing results in a row that record a recovery, or {@code null} for the service's default
 */
public record Finding(UUID id, long serverId, String check, String kind, Status status, String message,
                      Map<String, Double> measurements, Instant observedAt, long durationMs, String dependsOn,
                      UUID recheckId, Integer openAfter, Integer recoverAfter) {

    /** A finding that leaves the ticket thresholds to the service. */
    public Finding(UUID id, long serverId, String check, String kind, Status status, String message,
                   Map<String, Double> measurements, Instant observedAt, long durationMs, String dependsOn,
                   UUID recheckId) {
        this(id, serverId, check, kind, status, message, measurements, observedAt, durationMs, dependsOn, recheckId,
                null, null);
    }

    /** Check key of the heartbeat finding. */
    public static final String HEARTBEAT_CHECK = "agent";
    /** Kind of the heartbeat finding. */
    public static final String HEARTBEAT_KIND = "heartbeat";

    public Finding {
        measurements = measurements == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(measurements));
    }

    /** @return a new finding, with a new id, for a check's outcome */
    public static Finding of(CheckOutcome outcome, long serverId, UUID recheckId) {
        return new Finding(FindingId.next(), serverId, outcome.key(), outcome.kind(), outcome.status(),
                outcome.message(), outcome.measurements(), outcome.observedAt(), outcome.duration().toMillis(),
                outcome.dependsOn(), recheckId, outcome.tickets() == null ? null : outcome.tickets().openAfter(),
                outcome.tickets() == null ? null : outcome.tickets().recoverAfter());
    }
}
