package id.siaga.ticket.rest.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the administrator may change on a registered server. */
@Schema(description = "What the administrator may change on a registered server")
public record UpdateServerRequest(
        @Schema(name = "public", required = true, description = "Show the server by name as a line of its own on the public status page")
        @JsonProperty("public") @NotNull Boolean isPublic) {
}
