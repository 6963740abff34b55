package id.siaga.ticket.rest.dto;

import id.siaga.ticket.ingest.FindingQuery;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** Agent evidence attached to a ticket: failures, a recovery, re-check results, flapping. */
@Schema(description = "Agent evidence attached to a ticket")
public record EvidenceResponse(long id, @Schema(description = "FAILURE, RECOVERY, RECHECK or FLAPPING") String kind,
        String check, String status, String message, Instant observedAt, UUID findingId) {

    public static EvidenceResponse of(FindingQuery.TicketEvidence e) {
        return new EvidenceResponse(e.id(), e.kind(), e.check(), e.status(), e.message(), e.observedAt(), e.findingId());
    }
}
