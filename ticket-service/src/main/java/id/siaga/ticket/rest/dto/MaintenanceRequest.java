package id.siaga.ticket.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** Planned maintenance on one server, or on all when serverId is left out. */
@Schema(description = "Planned maintenance on one server, or on all when serverId is left out")
public record MaintenanceRequest(
        @Schema(description = "The server; leave out for all servers") @Positive Long serverId,
        @Schema(required = true) @NotNull Instant from,
        @Schema(required = true) @NotNull Instant to,
        @Schema(required = true, maxLength = 1000, examples = "Pembaruan SIAK versi 8 dari pusat") @NotBlank @Size(max = 1000) String reason) {
}
