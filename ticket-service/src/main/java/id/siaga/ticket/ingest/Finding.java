package id.siaga.ticket.ingest;

import id.siaga.ticket.domain.CheckStatus;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One accepted check result from an agent.
 *
 * @param observedAt   when the agent ran the check
 * @param measurements numbers the check measured, by name
 * @param openAfter    failing results in a row that open a ticket, or null for the service default
 * @param recoverAfter passing results in a row that record a recovery, or null for the service default
 */
public record Finding(UUID id, String checkKey, String kind, CheckStatus status, String message,
        Map<String, Double> measurements, Instant observedAt, Integer durationMs, String dependsOn, UUID recheckId,
        Integer openAfter, Integer recoverAfter) {

    /** Kind of the finding an agent sends with every batch to say it is alive. */
    public static final String HEARTBEAT = "heartbeat";

    public boolean isHeartbeat() {
        return HEARTBEAT.equals(kind);
    }
}
