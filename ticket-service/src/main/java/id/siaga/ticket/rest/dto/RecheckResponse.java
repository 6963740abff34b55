package id.siaga.ticket.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A re-check request, handed to the server's agent with its next post. */
@Schema(description = "A re-check request, handed to the server's agent with its next post")
public record RecheckResponse(UUID id, long serverId, Long ticketId,
        @Schema(description = "Check keys to run; empty means all") List<String> checks, String requestedBy,
        Instant requestedAt) {
}
