package id.siaga.ticket.rest.dto;

import id.siaga.ticket.ingest.FindingQuery;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A stored finding. */
@Schema(description = "A stored finding")
public record FindingResponse(UUID id, long serverId, String check, String kind, String status, String message,
        Map<String, Double> measurements, Instant observedAt, Instant receivedAt, Integer durationMs, UUID recheckId) {

    public static FindingResponse of(FindingQuery.StoredFinding f) {
        return new FindingResponse(f.id(), f.serverId(), f.check(), f.kind(), f.status(), f.message(), f.measurements(),
                f.observedAt(), f.receivedAt(), f.durationMs(), f.recheckId());
    }
}
