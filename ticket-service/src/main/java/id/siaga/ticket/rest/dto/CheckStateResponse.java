package id.siaga.ticket.rest.dto;

import id.siaga.ticket.ingest.FindingQuery;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** The current state of one check on a server. */
@Schema(description = "The current state of one check on a server")
public record CheckStateResponse(String check, String kind, String status, String message, Instant observedAt,
        Instant failingSince, Instant lastOkAt, int consecutiveFailures, int consecutivePasses, boolean flapping,
        String dependsOn, Long ticketId) {

    public static CheckStateResponse of(FindingQuery.CurrentCheck c) {
        return new CheckStateResponse(c.check(), c.kind(), c.status(), c.message(), c.observedAt(), c.failingSince(),
                c.lastOkAt(), c.consecutiveFailures(), c.consecutivePasses(), c.flapping(), c.dependsOn(), c.ticketId());
    }
}
