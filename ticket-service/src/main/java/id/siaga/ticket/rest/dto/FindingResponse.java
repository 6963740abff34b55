package id.siaga.ticket.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A stored finding. */
@Schema(description = "A stored finding")
public record FindingResponse(UUID id, long serverId, String check, String kind, String status, String message,
        Map<String, Double> measurements, Instant observedAt, Instant receivedAt, Integer durationMs, UUID recheckId) {
}
