package id.siaga.ticket.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person changes their own password. */
@Schema(description = "A person changes their own password")
public record PasswordChangeRequest(
        @Schema(required = true) @NotBlank String currentPassword,
        @Schema(required = true, minLength = 8, maxLength = 128) @NotBlank @Size(min = 8, max = 128) String newPassword) {
}
