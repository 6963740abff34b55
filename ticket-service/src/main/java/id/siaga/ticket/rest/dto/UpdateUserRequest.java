package id.siaga.ticket.rest.dto;

import id.siaga.ticket.domain.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Changes to a person's account, including disabling it; fields left out stay as they are. */
@Schema(description = "Changes to a person's account; fields left out stay as they are")
public record UpdateUserRequest(
        @Schema(maxLength = 200) @Size(min = 1, max = 200) String fullName,
        @Schema(description = "A new password", minLength = 8, maxLength = 128) @Size(min = 8, max = 128) String password,
        @Schema(description = "The roles the person holds from now on") @Size(min = 1) List<@NotNull Role> roles,
        @Schema(description = "Where escalation notices go; an empty string removes it", maxLength = 200)
        @Email @Size(max = 200) String email,
        @Schema(description = "false disables the account: it can no longer sign in (API or pages) and its page "
                + "sessions end at once; true enables it again. The last active administrator cannot be disabled nor "
                + "lose the ADMIN role (409).")
        Boolean active) {
}
