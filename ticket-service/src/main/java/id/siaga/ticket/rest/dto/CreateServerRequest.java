package id.siaga.ticket.rest.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import id.siaga.ticket.domain.ServerRole;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A server to monitor. */
@Schema(description = "A server to monitor")
public record CreateServerRequest(
        @Schema(required = true, maxLength = 100, examples = "siak-app-01")
        @NotBlank @Size(max = 100) String name,
        @Schema(required = true)
        @NotNull ServerRole role,
        @Schema(maxLength = 200, examples = "Ruang server Disdukcapil, Painan")
        @Size(max = 200) String location,
        @Schema(maxLength = 1000)
        @Size(max = 1000) String description,
        @Schema(name = "public", description = "Show the server by name as a line of its own on the public status page; false when absent")
        @JsonProperty("public") Boolean isPublic) {
}
