package id.siaga.ticket.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A maintenance window. */
@Schema(description = "A maintenance window")
public record MaintenanceResponse(long id, @Schema(description = "Null for all servers") Long serverId, Instant from,
        Instant to, String reason, String createdBy, Instant createdAt, boolean active) {
}
