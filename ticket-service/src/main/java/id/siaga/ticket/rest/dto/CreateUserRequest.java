package id.siaga.ticket.rest.dto;

import id.siaga.ticket.domain.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A new person who may sign in. */
@Schema(description = "A new person who may sign in")
public record CreateUserRequest(
        @Schema(required = true, description = "3-64 lower-case letters, digits, '.', '_' or '-'")
        @NotBlank @Pattern(regexp = "[a-z0-9._-]{3,64}", message = "must be 3-64 lower-case letters, digits, '.', '_' or '-'")
        String username,
        @Schema(required = true, maxLength = 200)
        @NotBlank @Size(max = 200) String fullName,
        @Schema(required = true, minLength = 8, maxLength = 128)
        @NotBlank @Size(min = 8, max = 128) String password,
        @Schema(required = true)
        @NotEmpty List<@NotNull Role> roles,
        @Schema(description = "Where escalation notices go", maxLength = 200)
        @Email @Size(max = 200) String email) {
}
