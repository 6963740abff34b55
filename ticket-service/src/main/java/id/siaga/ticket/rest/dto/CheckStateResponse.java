package id.siaga.ticket.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** The current state of one check on a server. */
@Schema(description = "The current state of one check on a server")
public record CheckStateResponse(String check, String kind, String status, String message, Instant observedAt,
        Instant failingSince, Instant lastOkAt, int consecutiveFailures, int consecutivePasses, boolean flapping,
        String dependsOn, Long ticketId) {
}
