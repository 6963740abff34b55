package id.siaga.ticket.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import id.siaga.ticket.domain.ServerRole;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A monitored server with its health at a glance. */
@Schema(description = "A monitored server with its health at a glance")
public record ServerResponse(
        long id,
        String name,
        ServerRole role,
        String location,
        String description,
        @Schema(description = "When the server's agent last reported; null if never") Instant agentLastSeen,
        @Schema(description = "Worst current status of the server's checks: OK, WARN, CRIT or UNKNOWN; null before the first report")
        String worstStatus,
        @Schema(description = "Open tickets about this server") long openTickets,
        Instant createdAt,
        @Schema(name = "public", description = "Whether the public status page shows the server by name")
        @JsonProperty("public") boolean isPublic,
        @Schema(description = "The agent's bearer token; returned once, when the server is created or the token renewed")
        @JsonInclude(JsonInclude.Include.NON_NULL) String agentToken) {
}
